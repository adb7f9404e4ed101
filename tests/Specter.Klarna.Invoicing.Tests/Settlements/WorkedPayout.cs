using Specter.Klarna.Invoicing.Payouts.Internal;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>The worked payout of docs/payment-marking.md, built from the table there (amounts in öre).</summary>
internal static class WorkedPayout
{
    public const string Reference = "PR-2026-1201";
    public const long Settlement = 1_659_968;
    public const long GrossSettlement = 1_730_050;
    public static readonly Currency Sek = Currency.FromCode("SEK");
    public static readonly DateTimeOffset PayoutDate = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<KnownCapture> Ledger { get; } =
    [
        new("INV-1001", "c-1001", "order-a", new Money(1_250_000, Sek)),
        new("INV-1002", "c-1002", "order-b", new Money(400_000, Sek)),
        new("INV-1003", "c-1003", "order-b", new Money(215_050, Sek)),
    ];

    public static KlarnaPayout Payout(long settlement = Settlement, string type = "NET") => new()
    {
        PaymentReference = Reference,
        PayoutDate = PayoutDate,
        Currency = Sek,
        SettlementType = new KlarnaSettlementType(type),
        Totals = new KlarnaPayoutTotals
        {
            Sale = M(1_865_050),
            Return = M(100_000),
            Reversal = M(0),
            Fee = M(56_065),
            FeeCorrection = M(0),
            FeeRefund = M(0),
            Tax = M(14_017),
            Commission = M(0),
            Charge = M(0),
            Credit = M(0),
            Holdback = M(50_000),
            Release = M(20_000),
            Repay = M(0),
            Settlement = M(settlement),
        },
    };

    /// <summary>The eleven transactions; <paramref name="signed"/> sends deductions as negative amounts (the other encoding).</summary>
    public static List<KlarnaSettlementTransaction> Transactions(bool signed = false)
    {
        long Minus(long amount) => signed ? -amount : amount;
        return
        [
            T("SALE", "PURCHASE", 1_250_000, "order-a", captureId: "c-1001", captureRef: "INV-1001"),
            T("SALE", "PURCHASE", 400_000, "order-b", captureId: "c-1002", captureRef: "INV-1002"),
            T("SALE", "PURCHASE", 215_050, "order-b", captureId: "c-1003"),
            T("FEE", "PURCHASE_FEE_PERCENTAGE", Minus(37_375), "order-a", captureId: "c-1001", vat: Minus(9_344)),
            T("FEE", "PURCHASE_FEE_FIXED", Minus(300), "order-a", captureId: "c-1001", vat: Minus(75)),
            T("FEE", "PURCHASE_FEE_PERCENTAGE", Minus(11_960), "order-b", captureId: "c-1002", vat: Minus(2_990)),
            T("FEE", "PURCHASE_FEE_PERCENTAGE", Minus(6_430), "order-b", captureId: "c-1003", vat: Minus(1_608)),
            T("RETURN", "PURCHASE_RETURN", Minus(100_000), "order-z", refundId: "r-1", refundRef: "CN-5001"),
            T("CORRECTION", "FIXED_FEE_CORRECTION_SE", -5_000, "order-a"),
            T("HOLDBACK", "ROLLING_RESERVE", Minus(50_000), null),
            T("RELEASE", "ROLLING_RESERVE", 20_000, null),
        ];
    }

    public static KlarnaSettlementTransaction T(
        string type, string detailed, long amount, string? orderId, string? captureId = null, string? captureRef = null,
        string? refundId = null, string? refundRef = null, long? vat = null, string currency = "SEK") => new()
    {
        Type = new KlarnaTransactionType(type),
        DetailedType = detailed,
        Amount = new Money(amount, Currency.FromCode(currency)),
        OrderId = orderId,
        CaptureId = captureId,
        MerchantCaptureReference = captureRef,
        RefundId = refundId,
        MerchantRefundReference = refundRef,
        PaymentReference = Reference,
        VatAmount = vat is { } v ? new Money(v, Currency.FromCode(currency)) : null,
        VatRate = vat is null ? null : 2500,
    };

    public static Money M(long minor) => new(minor, Sek);
}
