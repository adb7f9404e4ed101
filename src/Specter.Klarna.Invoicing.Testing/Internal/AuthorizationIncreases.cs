namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// Klarna's rule for raising an order's amount with <c>PATCH …/authorization</c>: an increase triggers a new risk
/// assessment, which Klarna offers only for some payment methods and markets ("View and change orders"). A decrease is
/// allowed for every method.
/// </summary>
internal static class AuthorizationIncreases
{
    /// <summary>Klarna's documented answer to a refused update (403 <c>NOT_ALLOWED</c>); it names no finer reason.</summary>
    public const string RefusalMessage = "Update not allowed.";

    // Klarna names them INVOICE, B2B_INVOICE, BASE_ACCOUNT, DIRECT_DEBIT; the order's initial_payment_method.type spells two of them INVOICE_BUSINESS and ACCOUNT.
    private static readonly HashSet<string> AllMarketsButSwitzerland = new(StringComparer.OrdinalIgnoreCase)
    {
        "INVOICE", "INVOICE_BUSINESS", "B2B_INVOICE", "ACCOUNT", "BASE_ACCOUNT", "DIRECT_DEBIT",
    };

    private static readonly HashSet<string> FixedAmountMarkets = new(StringComparer.OrdinalIgnoreCase) { "AT", "DE", "DK", "FI", "FR", "NL", "NO", "SE" };

    public static bool Allowed(string paymentMethod, string country) =>
        (AllMarketsButSwitzerland.Contains(paymentMethod) && !string.Equals(country, "CH", StringComparison.OrdinalIgnoreCase))
        || (string.Equals(paymentMethod, "FIXED_AMOUNT", StringComparison.OrdinalIgnoreCase) && FixedAmountMarkets.Contains(country));
}
