using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of an order (<c>MerchantOrderDto</c>). Customer personal data (addresses, <c>customer</c>) is deliberately not declared.</summary>
internal sealed class OrderDto
{
    public string? OrderId { get; set; }

    public string? Status { get; set; }

    public string? FraudStatus { get; set; }

    public long OrderAmount { get; set; }

    public long OriginalOrderAmount { get; set; }

    public long CapturedAmount { get; set; }

    public long RefundedAmount { get; set; }

    public long RemainingAuthorizedAmount { get; set; }

    public string? PurchaseCurrency { get; set; }

    public string? KlarnaReference { get; set; }

    [JsonPropertyName("merchant_reference1")]
    public string? MerchantReference1 { get; set; }

    [JsonPropertyName("merchant_reference2")]
    public string? MerchantReference2 { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public List<CaptureDto>? Captures { get; set; }

    public List<RefundDto>? Refunds { get; set; }
}
