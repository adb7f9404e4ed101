using System.Globalization;
using System.Resources;

namespace Specter.Klarna.Invoicing.Resources;

/// <summary>
/// The texts the library sends to Klarna, which the customer reads on Klarna's invoice (capture description, prepayment,
/// netting and merged line names), in the merchant profile's language: <c>KlarnaTexts.resx</c> (English) and
/// <c>KlarnaTexts.{sv,nb,da,fi,de}.resx</c>. Separate from <see cref="Texts"/>, which the ERP user reads in their own culture.
/// </summary>
internal static class KlarnaTexts
{
    /// <summary>The languages with their own file; the profile's language must be one of them.</summary>
    public static readonly IReadOnlyList<string> Languages = ["sv", "en", "nb", "da", "fi", "de"];

    /// <summary>Swedish, the language of the customers of the ERPs this library was first built for, and the default.</summary>
    public static readonly CultureInfo Default = CultureInfo.GetCultureInfo("sv");

    private static readonly ResourceManager Manager = new("Specter.Klarna.Invoicing.Resources.KlarnaTexts", typeof(KlarnaTexts).Assembly);

    /// <summary>The texts already read, per language and key: <see cref="ResourceManager.GetString(string, CultureInfo)"/> takes a lock and walks the culture fallback on every call, and a 1000-line capture asks for one per merged line.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Key), string> Cache = new();

    public static string Format(string key, CultureInfo language, params object[] args) =>
        string.Format(language, Text(key, language), args);

    private static string Text(string key, CultureInfo language) =>
        Cache.TryGetValue((language.Name, key), out var text)
            ? text
            : Cache.GetOrAdd((language.Name, key), Manager.GetString(key, language) ?? throw new InvalidOperationException($"Missing Klarna text resource '{key}'."));

    /// <summary>A percent as the language writes it, without trailing zeros ("25", "25,5"; "25.5" in English).</summary>
    public static string Percent(decimal value, CultureInfo language) => value.ToString("0.##", language);

    /// <summary>A quantity as the language writes its decimals, grouped by plain spaces ("150 000", "2,5").</summary>
    public static string Quantity(decimal value, CultureInfo language) =>
        value.ToString("#,0.######", language).Replace(language.NumberFormat.NumberGroupSeparator, " ", StringComparison.Ordinal);
}
