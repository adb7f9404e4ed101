namespace Specter.Klarna.Invoicing;

/// <summary>One line of a Klarna payout (a sale, fee, return, correction…), without consumer data.</summary>
/// <remarks>Empty strings from Klarna (for example <c>capture_id</c> on returns) are <see langword="null"/> here.</remarks>
public sealed record KlarnaSettlementTransaction
{
    /// <summary>Gets the transaction type.</summary>
    public required KlarnaTransactionType Type { get; init; }

    /// <summary>Gets Klarna's detailed type (for example <c>PURCHASE_FEE_PERCENTAGE</c>); an open set.</summary>
    public string? DetailedType { get; init; }

    /// <summary>Gets the amount exactly as Klarna sent it (a magnitude for every type except corrections, which are signed).</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets Klarna's capture id (sales and fees only).</summary>
    public string? CaptureId { get; init; }

    /// <summary>Gets Klarna's refund id (returns and reversals only).</summary>
    public string? RefundId { get; init; }

    /// <summary>Gets the merchant's capture reference (the ERP invoice number when captured by this library).</summary>
    public string? MerchantCaptureReference { get; init; }

    /// <summary>Gets the merchant's refund reference (the ERP credit number when refunded by the ERP).</summary>
    public string? MerchantRefundReference { get; init; }

    /// <summary>Gets the order-level merchant reference 1 (usually the ERP order number).</summary>
    public string? MerchantReference1 { get; init; }

    /// <summary>Gets the order-level merchant reference 2.</summary>
    public string? MerchantReference2 { get; init; }

    /// <summary>Gets the Klarna order id (required by the spec; <see langword="null"/> if Klarna leaves it out).</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the customer-facing Klarna order id.</summary>
    public string? ShortOrderId { get; init; }

    /// <summary>Gets the payment reference of the payout the transaction belongs to.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>Gets when the order was created.</summary>
    public DateTimeOffset? SaleDate { get; init; }

    /// <summary>Gets when Klarna registered the event (for a sale: the capture).</summary>
    public DateTimeOffset? CaptureDate { get; init; }

    /// <summary>Gets the VAT rate on Klarna's fee in basis points (2500 = 25 %), when given.</summary>
    public long? VatRate { get; init; }

    /// <summary>Gets the VAT amount on Klarna's fee, when given.</summary>
    public Money? VatAmount { get; init; }

    /// <summary>Gets Klarna's free-text comment.</summary>
    public string? KlarnaComment { get; init; }
}
