namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The Klarna client's own options: the merchant profiles it may call (credentials, environment, region, base address, rate limit) and the default one.</summary>
/// <remarks>
/// Hosts do not configure this separately: <c>AddKlarnaInvoicing</c> serves it as a view of the public
/// <c>KlarnaInvoicingOptions</c> (same profile objects, read on every request), so one configuration section sets
/// both and rotated credentials apply to the next request. A profile's invoicing rule
/// (<see cref="KlarnaMerchantOptions.AllowPrepaymentCapture"/>) is not the client's: only invoicing reads it.
/// </remarks>
internal sealed class KlarnaClientOptions
{
    /// <summary>Gets or sets the merchant profiles by name (case-insensitive).</summary>
    public IDictionary<string, KlarnaMerchantOptions> Merchants { get; set; } =
        new Dictionary<string, KlarnaMerchantOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the name of the profile used when a call names none (<see langword="null"/>: the only profile, if there is one).</summary>
    public string? DefaultMerchant { get; set; }
}
