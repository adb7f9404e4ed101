namespace Specter.Klarna.Invoicing;

/// <summary>Options of Specter.Klarna.Invoicing.</summary>
public sealed partial class KlarnaInvoicingOptions
{
    /// <summary>Gets or sets this installation's namespace for idempotency keys (UUIDv5). Generate one random GUID per installation and keep it forever.</summary>
    /// <value>Required; <see cref="Guid.Empty"/> is refused at start-up.</value>
    public Guid IdempotencyNamespace { get; set; }

    /// <summary>Gets or sets how shipping and fees are spread over the invoices of an order.</summary>
    /// <value>The default value is <see cref="ShippingPolicy.FirstInvoice"/>.</value>
    public ShippingPolicy ShippingPolicy { get; set; } = ShippingPolicy.FirstInvoice;

    /// <summary>Gets or sets a value indicating whether a fully invoiced order's remaining Klarna authorization is released after its last invoice.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReleaseRemainingAuthorizationAfterLastInvoice { get; set; } = true;

    /// <summary>Gets or sets how many days before expiry the proposal warns that the reservation expires soon.</summary>
    /// <value>The default value is 7.</value>
    public int ExpiryWarningDays { get; set; } = 7;

    /// <summary>Gets or sets how long a capture may be re-sent with its original idempotency key; after it, recovery reads Klarna's captures instead.</summary>
    /// <value>The default value is 23 hours (Klarna honours a key for 24 hours).</value>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(23);

    /// <summary>Gets or sets how old a pending activation must be before recovery touches it (it may still be in flight in another process).</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan RecoveryGracePeriod { get; set; } = TimeSpan.FromMinutes(2);
}
