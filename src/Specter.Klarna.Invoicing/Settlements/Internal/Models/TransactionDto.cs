namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>
/// Wire shape of a Settlements <c>Transaction</c>. Consumer data the live API adds (<c>consumer_vat</c>, addresses) is
/// deliberately not declared, so it is never materialized.
/// </summary>
internal sealed class TransactionDto
{
    public long? Amount { get; set; }

    public string? CaptureId { get; set; }

    public string? RefundId { get; set; }

    public string? MerchantReference1 { get; set; }

    public string? MerchantReference2 { get; set; }

    public string? MerchantCaptureReference { get; set; }

    public string? MerchantRefundReference { get; set; }

    public DateTimeOffset? SaleDate { get; set; }

    public DateTimeOffset? CaptureDate { get; set; }

    public string? Type { get; set; }

    public string? DetailedType { get; set; }

    public string? PaymentReference { get; set; }

    public string? OrderId { get; set; }

    public string? ShortOrderId { get; set; }

    public string? CurrencyCode { get; set; }

    public string? PurchaseCountry { get; set; }

    public long? VatRate { get; set; }

    public long? VatAmount { get; set; }

    public string? KlarnaComment { get; set; }

    public string? ReversalReference { get; set; }
}
