namespace Specter.Klarna.Invoicing.Testing;

/// <summary>An order to seed into a <see cref="KlarnaSimulator"/> from code.</summary>
public sealed class SimulatedOrder
{
    /// <summary>Gets the order id; when <see langword="null"/>, a new UUID is generated.</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the username of the merchant that owns the order; when <see langword="null"/>, the simulator's only merchant.</summary>
    public string? Merchant { get; init; }

    /// <summary>Gets the authorized order amount in minor units; when <see langword="null"/>, the sum of <see cref="OrderLines"/>.</summary>
    public long? OrderAmount { get; init; }

    /// <summary>Gets the ISO 4217 purchase currency.</summary>
    public string Currency { get; init; } = "SEK";

    /// <summary>Gets the ISO 3166-1 alpha-2 purchase country.</summary>
    public string Country { get; init; } = "SE";

    /// <summary>Gets Klarna's <c>initial_payment_method.type</c> the customer chose, for example <c>INVOICE</c>, <c>PAY_BY_CARD</c> or <c>FIXED_AMOUNT</c>.</summary>
    /// <remarks>It decides whether Klarna lets an authorization update <em>increase</em> the order amount: only <c>INVOICE</c>,
    /// <c>INVOICE_BUSINESS</c> (B2B invoice), <c>ACCOUNT</c> and <c>DIRECT_DEBIT</c> (every market but CH), and <c>FIXED_AMOUNT</c>
    /// (AT, DE, DK, FI, FR, NL, NO, SE). Any other method gets 403 <c>NOT_ALLOWED</c> for an increase; a decrease is allowed for all.</remarks>
    /// <value>The default value is <c>INVOICE</c>.</value>
    public string PaymentMethod { get; init; } = "INVOICE";

    /// <summary>Gets the locale.</summary>
    public string Locale { get; init; } = "sv-SE";

    /// <summary>Gets the order lines.</summary>
    public IReadOnlyList<SimulatedOrderLine> OrderLines { get; init; } = [];

    /// <summary>Gets the status to start in: <c>AUTHORIZED</c> (default), <c>CANCELLED</c>, <c>EXPIRED</c> or <c>CLOSED</c>.</summary>
    public string Status { get; init; } = "AUTHORIZED";

    /// <summary>Gets the fraud status: <c>ACCEPTED</c> (default), <c>PENDING</c> or <c>REJECTED</c>.</summary>
    public string FraudStatus { get; init; } = "ACCEPTED";

    /// <summary>Gets the creation time; when <see langword="null"/>, the simulator clock's current time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the authorization expiry; when <see langword="null"/>, <see cref="CreatedAt"/> plus the authorization period.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the customer-facing Klarna reference; when <see langword="null"/>, one is generated.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets the merchant's order number.</summary>
    public string? MerchantReference1 { get; init; }

    /// <summary>Gets the merchant's internal reference.</summary>
    public string? MerchantReference2 { get; init; }
}
