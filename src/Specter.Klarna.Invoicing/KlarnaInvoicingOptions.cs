namespace Specter.Klarna.Invoicing;

/// <summary>Options of Specter.Klarna.Invoicing: the Klarna merchant profiles (connection part).</summary>
/// <remarks>
/// <para>Validated at start-up (<c>ValidateOnStart</c>): at least one merchant, credentials present, base addresses on a
/// Klarna host over https (plain http only on a loopback address), API-key environment matching the profile's
/// environment, and <see cref="DefaultMerchant"/> naming a configured merchant.</para>
/// <para>Credentials are re-read on every request through <c>IOptionsMonitor</c>, so they can rotate without a restart.</para>
/// </remarks>
public sealed partial class KlarnaInvoicingOptions
{
    /// <summary>Gets the merchant profiles by name (case-insensitive), for example one per shop and country.</summary>
    /// <value>The default value is an empty dictionary; at least one merchant must be configured.</value>
    public IDictionary<string, KlarnaMerchantOptions> Merchants { get; } =
        new Dictionary<string, KlarnaMerchantOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the name of the merchant profile used when a call names none.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: when exactly one merchant is configured, that one is the default;
    /// with several merchants and no default, every call must name its merchant.
    /// </value>
    public string? DefaultMerchant { get; set; }
}
