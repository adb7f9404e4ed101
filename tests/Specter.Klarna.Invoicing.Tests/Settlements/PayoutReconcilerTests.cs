using Specter.Klarna.Invoicing.Payouts.Internal;
using static Specter.Klarna.Invoicing.Tests.Settlements.WorkedPayout;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>Checks the reconciliation against the hand-computed worked payout in docs/payment-marking.md.</summary>
public sealed class PayoutReconcilerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WorkedPayout_MatchesTheHandComputedNumbers(bool signedEncoding)
    {
        var result = PayoutReconciler.Reconcile(Payout(), Transactions(signedEncoding), Ledger);

        result.IsBalanced.Should().BeTrue();
        result.Reconciled.Should().Be(M(1_659_968));
        result.Difference.Should().Be(M(0));
        result.Unmatched.Should().BeEmpty();
        result.TotalsWarnings.Should().BeEmpty();
        result.Markings.Select(m => (m.Kind, m.DocumentNumber, m.Amount.MinorUnits, m.MatchedBy)).Should().Equal(
            (PaymentMarkingKind.InvoicePayment, "INV-1001", 1_250_000L, PaymentMatch.Reference),
            (PaymentMarkingKind.InvoicePayment, "INV-1002", 400_000L, PaymentMatch.Reference),
            (PaymentMarkingKind.InvoicePayment, "INV-1003", 215_050L, PaymentMatch.KlarnaId),
            (PaymentMarkingKind.CreditRefund, "CN-5001", -100_000L, PaymentMatch.Reference));
        result.Markings.Should().OnlyContain(m => m.PaymentReference == Reference && m.PayoutDate == PayoutDate);
        result.Markings[2].KlarnaId.Should().Be("c-1003");
        result.Markings[3].KlarnaId.Should().Be("r-1");
        result.BookingLines.Select(l => (l.Amount.MinorUnits, l.Vat.MinorUnits, l.InvoiceNumber)).Should().Equal(
            (-37_375L, -9_344L, "INV-1001"),
            (-300L, -75L, "INV-1001"),
            (-11_960L, -2_990L, "INV-1002"),
            (-6_430L, -1_608L, "INV-1003"),
            (-5_000L, 0L, null),
            (-50_000L, 0L, null),
            (20_000L, 0L, null));
        result.BookingLines[0].PayoutEffect.Should().Be(M(-46_719));
        result.BookingLines.Should().OnlyContain(l => !l.SettledSeparately);
    }

    [Fact]
    public void MissingRelease_ReportsTheDifferenceAndDoesNotBalance()
    {
        var transactions = Transactions();
        transactions.RemoveAt(10);

        var result = PayoutReconciler.Reconcile(Payout(), transactions, Ledger);

        result.IsBalanced.Should().BeFalse();
        result.Reconciled.Should().Be(M(1_639_968));
        result.Difference.Should().Be(M(20_000));
        result.TotalsWarnings.Should().ContainSingle().Which.Should().StartWith("release:");
    }

    [Fact]
    public void Gross_FeesAreBookedButSettledSeparately()
    {
        var result = PayoutReconciler.Reconcile(Payout(GrossSettlement, "GROSS"), Transactions(), Ledger);

        result.IsBalanced.Should().BeTrue();
        result.Reconciled.Should().Be(M(1_730_050));
        result.BookingLines.Where(l => l.SettledSeparately).Select(l => l.Amount.MinorUnits).Should().Equal(-37_375, -300, -11_960, -6_430);
        result.BookingLines.Where(l => l.SettledSeparately).Should().OnlyContain(l => l.PayoutEffect.MinorUnits == 0);
    }

    [Fact]
    public void NetPayoutReadAsGross_DoesNotBalance()
    {
        var result = PayoutReconciler.Reconcile(Payout(Settlement, "GROSS"), Transactions(), Ledger);

        result.IsBalanced.Should().BeFalse();
        result.Difference.Should().Be(M(Settlement - GrossSettlement));
    }

    [Fact]
    public void SaleForUnknownCapture_IsUnmatchedAndTheDifferenceIsItsAmount()
    {
        var transactions = Transactions();
        transactions.Add(T("SALE", "PURCHASE", 99_900, "order-x", captureId: "c-portal", captureRef: "PORTAL-1"));

        var result = PayoutReconciler.Reconcile(Payout(Settlement + 99_900), transactions, Ledger);

        result.Unmatched.Should().ContainSingle().Which.Reason.Should().Be(UnmatchedReason.UnknownCapture);
        result.Difference.Should().Be(M(99_900));
        result.Markings.Should().HaveCount(4);
    }

    [Fact]
    public void ReferenceOfAnotherCapture_FallsBackToTheCaptureId()
    {
        // The reference names INV-1001 but the capture id is INV-1002's: the id wins, the reference is not trusted.
        List<KlarnaSettlementTransaction> transactions = [T("SALE", "PURCHASE", 400_000, "order-b", captureId: "c-1002", captureRef: "INV-1001")];

        var result = PayoutReconciler.Reconcile(Payout(400_000), transactions, Ledger);

        result.Markings.Should().ContainSingle().Which.Should().Match<PaymentMarking>(m => m.DocumentNumber == "INV-1002" && m.MatchedBy == PaymentMatch.KlarnaId);
    }

    [Fact]
    public void PartialCapturesOfOneOrder_AreMarkedPerInvoice_AndAmountsAreComparedWithTheLedger()
    {
        List<KlarnaSettlementTransaction> transactions =
        [
            T("SALE", "PURCHASE", 400_000, "order-b", captureId: "c-1002", captureRef: "INV-1002"),
            T("SALE", "PURCHASE", 215_000, "order-b", captureId: "c-1003", captureRef: "INV-1003"),
        ];

        var result = PayoutReconciler.Reconcile(Payout(615_000), transactions, Ledger);

        result.IsBalanced.Should().BeTrue();
        result.Markings.Select(m => (m.DocumentNumber, m.Amount.MinorUnits, m.ExpectedAmount!.Value.MinorUnits)).Should().Equal(
            ("INV-1002", 400_000L, 400_000L),
            ("INV-1003", 215_000L, 215_050L));
    }

    [Fact]
    public void ReturnWithoutReference_MatchesByKnownRefundId_OrIsUnmatched()
    {
        List<KlarnaSettlementTransaction> transactions =
        [
            T("RETURN", "PURCHASE_RETURN", 10_000, "o1", refundId: "r-known"),
            T("RETURN", "PURCHASE_RETURN", 20_000, "o2", refundId: "r-unknown"),
        ];

        var result = PayoutReconciler.Reconcile(Payout(-30_000), transactions, Ledger, [new KnownRefund("CN-7", "r-known")]);

        result.Markings.Should().ContainSingle().Which.Should().Match<PaymentMarking>(m =>
            m.DocumentNumber == "CN-7" && m.Amount.MinorUnits == -10_000 && m.MatchedBy == PaymentMatch.KlarnaId);
        result.Unmatched.Should().ContainSingle().Which.Reason.Should().Be(UnmatchedReason.UnknownRefund);
        result.Difference.Should().Be(M(-20_000));
    }

    [Fact]
    public void UnknownTypeOtherCurrencyAndOtherPayout_AreNeverGuessed()
    {
        List<KlarnaSettlementTransaction> transactions =
        [
            T("REVENUE_SHARE", "REVENUE_SHARE", 500, "o1"),
            T("SALE", "PURCHASE", 1_000, "o2", captureId: "c-1001", captureRef: "INV-1001", currency: "EUR"),
            T("SALE", "PURCHASE", 1_250_000, "order-a", captureId: "c-1001", captureRef: "INV-1001") with { PaymentReference = "OTHER" },
        ];

        var result = PayoutReconciler.Reconcile(Payout(0), transactions, Ledger);

        result.Unmatched.Select(u => u.Reason).Should().Equal(UnmatchedReason.UnknownType, UnmatchedReason.OtherCurrency, UnmatchedReason.OtherPayout);
        result.Markings.Should().BeEmpty();
        result.IsBalanced.Should().BeTrue("nothing was placed and the payout is zero");
    }

    [Fact]
    public void CommissionChargeCreditAndReversals_AreBookingLinesWithDocumentedSigns()
    {
        List<KlarnaSettlementTransaction> transactions =
        [
            T("COMMISSION", "COMMISSION", 700, "o1"),
            T("CHARGE", "LIABILITY_TRANSFER", 300, null),
            T("CREDIT", "CASH_ADVANCE_PAYOUT", 1_000, null),
            T("REVERSAL", "REVERSAL", 2_000, "o2", refundId: "r-9"),
            T("REVERSAL_MERCHANT_PROTECTION", "FRAUD_POLICY_CREDIT_NET", 2_000, "o2"),
            T("FEE_REFUND", "FEE_REFUND", 100, "o1", vat: 25),
        ];

        var result = PayoutReconciler.Reconcile(Payout(1_525), transactions, Ledger);

        result.BookingLines.Select(l => l.PayoutEffect.MinorUnits).Should().Equal(700, -300, 1_000, -2_000, 2_000, 125);
        result.IsBalanced.Should().BeTrue();
    }
}
