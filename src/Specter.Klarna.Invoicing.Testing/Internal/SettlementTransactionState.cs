namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>One payout transaction as the simulator stores it. <see cref="Amount"/> is a magnitude (Klarna's documented encoding), except for a <c>CORRECTION</c>, which is signed.</summary>
internal sealed record SettlementTransactionState
{
    public required string Type { get; init; }

    public required string DetailedType { get; init; }

    public required long Amount { get; init; }

    public required string OrderId { get; init; }

    public required string Currency { get; init; }

    public required string PurchaseCountry { get; init; }

    public required DateTimeOffset SaleDate { get; init; }

    public required DateTimeOffset CaptureDate { get; init; }

    /// <summary>Klarna's capture id on sales and fees; Klarna sends an empty string on returns.</summary>
    public string CaptureId { get; init; } = string.Empty;

    public string? RefundId { get; init; }

    public string? MerchantCaptureReference { get; init; }

    public string? MerchantRefundReference { get; init; }

    public string? MerchantReference1 { get; init; }

    public string? MerchantReference2 { get; init; }

    public long? VatRate { get; init; }

    public long? VatAmount { get; init; }

    public string? KlarnaComment { get; init; }

    /// <summary>The transaction's effect on the payout: + for sales, − for fees (with their VAT) and returns, as signed for corrections.</summary>
    public long Effect(bool feesSettledSeparately) => Type switch
    {
        "SALE" => Amount,
        "RETURN" => -Amount,
        "FEE" => feesSettledSeparately ? 0 : -(Amount + (VatAmount ?? 0)),
        _ => Amount,
    };
}
