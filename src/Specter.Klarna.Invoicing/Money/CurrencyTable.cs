namespace Specter.Klarna.Invoicing;

/// <summary>The ISO 4217 exponent table: the single place that knows how many minor-unit digits a currency has.</summary>
internal static class CurrencyTable
{
    private static readonly Dictionary<string, int> Digits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["USD"] = 2, ["CHF"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["CAD"] = 2, ["MXN"] = 2, ["ISK"] = 0,
        ["JPY"] = 0, ["KRW"] = 0, ["BHD"] = 3, ["KWD"] = 3,
    };

    /// <summary>One shared description per currency, so a <see cref="Currency"/> (and so a <see cref="Money"/>) carries a single reference.</summary>
    private static readonly Dictionary<string, CurrencyInfo> Infos = Digits.ToDictionary(
        kv => kv.Key, kv => new CurrencyInfo(kv.Key.ToUpperInvariant(), kv.Value), StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Codes => Digits.Keys.Order(StringComparer.Ordinal);

    public static bool TryGet(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CurrencyInfo? info) => Infos.TryGetValue(code, out info);
}
