using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A stored order. Status and remaining amount are derived, never stored, so they cannot drift from the captures.</summary>
internal sealed class OrderState
{
    public required string OrderId { get; init; }

    public required string Merchant { get; init; }

    public required string Currency { get; init; }

    public required string Country { get; init; }

    public required string Locale { get; init; }

    public required string FraudStatus { get; init; }

    public required string PaymentMethod { get; init; }

    public required string KlarnaReference { get; init; }

    public required long OriginalOrderAmount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public long OrderAmount { get; set; }

    public JsonArray OrderLines { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Cancelled { get; set; }

    public bool Closed { get; set; }

    public bool SeededExpired { get; set; }

    public bool RemainingReleased { get; set; }

    public string? MerchantReference1 { get; set; }

    public string? MerchantReference2 { get; set; }

    public List<CaptureState> Captures { get; } = [];

    public List<RefundState> Refunds { get; } = [];

    public long CapturedAmount => Captures.Sum(c => c.CapturedAmount);

    public long RefundedAmount => Refunds.Sum(r => r.RefundedAmount);

    public bool IsExpired(DateTimeOffset now) => SeededExpired || now >= ExpiresAt;

    public long RemainingAuthorizedAmount(DateTimeOffset now) =>
        Cancelled || Closed || RemainingReleased || IsExpired(now) ? 0 : Math.Max(0, OrderAmount - CapturedAmount);

    public string Status(DateTimeOffset now)
    {
        if (Closed)
        {
            return "CLOSED";
        }

        if (Cancelled)
        {
            return "CANCELLED";
        }

        var captured = CapturedAmount;
        if (captured == 0)
        {
            return IsExpired(now) ? "EXPIRED" : "AUTHORIZED";
        }

        return captured >= OrderAmount || RemainingReleased ? "CAPTURED" : "PART_CAPTURED";
    }
}
