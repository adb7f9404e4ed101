namespace Specter.Klarna.Invoicing.Payouts.Internal;

/// <summary>
/// Turns one payout and its transactions into payment markings and booking lines (pure: no I/O). Sales match an
/// invoice by <c>merchant_capture_reference</c>, else by <c>capture_id</c>; returns match a credit invoice by
/// <c>merchant_refund_reference</c>, else by <c>refund_id</c>. Nothing is guessed: what does not match is listed, and
/// the difference to the settlement amount is reported, never booked away.
/// </summary>
internal static class PayoutReconciler
{
    public static PayoutReconciliation Reconcile(
        KlarnaPayout payout,
        IReadOnlyList<KlarnaSettlementTransaction> transactions,
        IEnumerable<KnownCapture> captures,
        IEnumerable<KnownRefund>? refunds = null)
    {
        ArgumentNullException.ThrowIfNull(payout);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(captures);
        var byInvoice = new Dictionary<string, KnownCapture>(StringComparer.Ordinal);
        var byCaptureId = new Dictionary<string, KnownCapture>(StringComparer.Ordinal);
        foreach (var capture in captures)
        {
            byInvoice.TryAdd(capture.InvoiceNumber, capture);
            if (capture.CaptureId is { } id)
            {
                byCaptureId.TryAdd(id, capture);
            }
        }

        var refundsById = (refunds ?? []).GroupBy(r => r.RefundId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var markings = new MarkingAccumulator(payout);
        var lines = new List<PayoutBookingLine>();
        var unmatched = new List<UnmatchedSettlementTransaction>();
        foreach (var transaction in transactions)
        {
            var reason = Classify(payout, transaction, out var effect);
            if (reason is null)
            {
                reason = Place(payout, transaction, effect, byInvoice, byCaptureId, refundsById, markings, lines);
            }

            if (reason is { } why)
            {
                unmatched.Add(new UnmatchedSettlementTransaction(transaction, why));
            }
        }

        var currency = payout.Currency;
        var reconciled = new Money(markings.Items.Sum(m => m.Amount.MinorUnits) + lines.Sum(l => l.PayoutEffect.MinorUnits), currency);
        return new PayoutReconciliation
        {
            Payout = payout,
            Markings = markings.Items,
            BookingLines = lines,
            Unmatched = unmatched,
            Reconciled = reconciled,
            Difference = payout.Totals.Settlement - reconciled,
            TotalsWarnings = PayoutTotalsCheck.Compare(payout, transactions),
        };
    }

    private static UnmatchedReason? Classify(KlarnaPayout payout, KlarnaSettlementTransaction transaction, out long effect)
    {
        effect = 0;
        if (transaction.PaymentReference is { } reference && !string.Equals(reference, payout.PaymentReference, StringComparison.Ordinal))
        {
            return UnmatchedReason.OtherPayout;
        }

        if (transaction.Amount.Currency != payout.Currency)
        {
            return UnmatchedReason.OtherCurrency;
        }

        if (TransactionDirections.Effect(transaction.Type, transaction.Amount.MinorUnits) is not { } signed)
        {
            return UnmatchedReason.UnknownType;
        }

        effect = signed;
        return null;
    }

    private static UnmatchedReason? Place(
        KlarnaPayout payout,
        KlarnaSettlementTransaction transaction,
        long effect,
        Dictionary<string, KnownCapture> byInvoice,
        Dictionary<string, KnownCapture> byCaptureId,
        Dictionary<string, KnownRefund> refundsById,
        MarkingAccumulator markings,
        List<PayoutBookingLine> lines)
    {
        if (transaction.Type == KlarnaTransactionType.Sale)
        {
            var (capture, match) = FindCapture(transaction, byInvoice, byCaptureId);
            if (capture is null)
            {
                return UnmatchedReason.UnknownCapture;
            }

            markings.Add(PaymentMarkingKind.InvoicePayment, capture.InvoiceNumber, effect, match, transaction, transaction.CaptureId ?? capture.CaptureId, capture.CapturedAmount);
            return null;
        }

        if (transaction.Type == KlarnaTransactionType.Return)
        {
            if (transaction.MerchantRefundReference is { } creditNumber)
            {
                markings.Add(PaymentMarkingKind.CreditRefund, creditNumber, effect, PaymentMatch.Reference, transaction, transaction.RefundId, null);
                return null;
            }

            if (transaction.RefundId is { } refundId && refundsById.TryGetValue(refundId, out var known))
            {
                markings.Add(PaymentMarkingKind.CreditRefund, known.CreditNumber, effect, PaymentMatch.KlarnaId, transaction, refundId, null);
                return null;
            }

            return UnmatchedReason.UnknownRefund;
        }

        lines.Add(BookingLine(payout, transaction, effect, byInvoice, byCaptureId));
        return null;
    }

    private static (KnownCapture? Capture, PaymentMatch Match) FindCapture(
        KlarnaSettlementTransaction transaction, Dictionary<string, KnownCapture> byInvoice, Dictionary<string, KnownCapture> byCaptureId)
    {
        if (transaction.MerchantCaptureReference is { } reference && byInvoice.TryGetValue(reference, out var byReference)
            && (transaction.CaptureId is null || byReference.CaptureId is null || string.Equals(transaction.CaptureId, byReference.CaptureId, StringComparison.Ordinal)))
        {
            return (byReference, PaymentMatch.Reference);
        }

        return transaction.CaptureId is { } id && byCaptureId.TryGetValue(id, out var byId) ? (byId, PaymentMatch.KlarnaId) : (null, PaymentMatch.Reference);
    }

    private static PayoutBookingLine BookingLine(
        KlarnaPayout payout, KlarnaSettlementTransaction transaction, long effect, Dictionary<string, KnownCapture> byInvoice, Dictionary<string, KnownCapture> byCaptureId)
    {
        var vat = transaction.VatAmount is { } given && TransactionDirections.CarriesFeeVat(transaction.Type)
            ? Math.Sign(effect) * Math.Abs(given.MinorUnits)
            : 0;
        var invoice = (transaction.CaptureId is { } id && byCaptureId.TryGetValue(id, out var c) ? c : null)
            ?? (transaction.MerchantCaptureReference is { } reference && byInvoice.TryGetValue(reference, out var r) ? r : null);
        return new PayoutBookingLine
        {
            Type = transaction.Type,
            DetailedType = transaction.DetailedType,
            Amount = new Money(effect, payout.Currency),
            Vat = new Money(vat, payout.Currency),
            VatRate = transaction.VatRate,
            SettledSeparately = payout.SettlementType == KlarnaSettlementType.Gross && TransactionDirections.IsGrossInvoicedFee(transaction.Type),
            InvoiceNumber = invoice?.InvoiceNumber,
            KlarnaOrderId = transaction.OrderId,
            CaptureId = transaction.CaptureId,
            Comment = transaction.KlarnaComment,
        };
    }
}
