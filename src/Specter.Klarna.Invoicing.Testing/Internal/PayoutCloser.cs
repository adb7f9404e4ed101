namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// Closes a payout period: every capture and refund made at or before the payout date that no payout has paid yet,
/// and the pending corrections, become one payout per merchant and currency. Called under <see cref="SimulatorState.Gate"/>.
/// </summary>
internal static class PayoutCloser
{
    public static List<PayoutState> Close(SimulatorState state, DateTimeOffset payoutDate, string? merchant)
    {
        var book = state.Settlements;
        var options = state.Options;
        var byPayout = new Dictionary<(string Merchant, string Currency), List<SettlementTransactionState>>();
        List<SettlementTransactionState> For(OrderState order) =>
            byPayout.TryGetValue((order.Merchant, order.Currency), out var list) ? list : byPayout[(order.Merchant, order.Currency)] = [];

        var orders = state.Orders.Values.Where(o => merchant is null || o.Merchant == merchant).OrderBy(o => o.CreatedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();
        foreach (var order in orders)
        {
            foreach (var capture in order.Captures.Where(c => c.CapturedAt <= payoutDate && !book.PaidCaptureIds.Contains(c.CaptureId)))
            {
                book.PaidCaptureIds.Add(capture.CaptureId);
                var sale = Base(order, capture.CapturedAt) with
                {
                    Type = "SALE",
                    DetailedType = "PURCHASE",
                    Amount = capture.CapturedAmount,
                    CaptureId = capture.CaptureId,
                    MerchantCaptureReference = capture.Reference,
                };
                For(order).Add(sale);
                For(order).AddRange(Fees(sale, options));
            }

            foreach (var refund in order.Refunds.Where(r => r.RefundedAt <= payoutDate && !book.PaidRefundIds.Contains(r.RefundId)))
            {
                book.PaidRefundIds.Add(refund.RefundId);
                For(order).Add(Base(order, refund.RefundedAt) with
                {
                    Type = "RETURN",
                    DetailedType = "PURCHASE_RETURN",
                    Amount = refund.RefundedAmount,
                    RefundId = refund.RefundId,
                    MerchantRefundReference = refund.Reference,
                });
            }
        }

        foreach (var correction in book.PendingCorrections.Where(c => merchant is null || state.Orders[c.OrderId].Merchant == merchant).ToList())
        {
            var order = state.Orders[correction.OrderId];
            book.PendingCorrections.Remove(correction);
            For(order).Add(Base(order, payoutDate) with
            {
                Type = "CORRECTION",
                DetailedType = correction.DetailedType,
                Amount = correction.Amount,
                KlarnaComment = correction.Comment,
            });
        }

        var payouts = new List<PayoutState>();
        foreach (var ((owner, currency), transactions) in byPayout.OrderBy(p => p.Key.Merchant, StringComparer.Ordinal).ThenBy(p => p.Key.Currency, StringComparer.Ordinal))
        {
            var reference = book.NextPaymentReference();
            payouts.Add(new PayoutState
            {
                PaymentReference = reference,
                Merchant = owner,
                Currency = currency,
                // Klarna's API shows payout dates to the second; a payout's date is what a date-range query compares.
                PayoutDate = new DateTimeOffset(payoutDate.UtcTicks - (payoutDate.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
                SettlementType = options.MerchantSettlementType,
                Transactions = transactions,
            });
        }

        book.Payouts.AddRange(payouts);
        return payouts;
    }

    // Klarna's fees: a percentage of the sale and a fixed part, each a FEE line on the sale's capture, with VAT on the fee.
    private static IEnumerable<SettlementTransactionState> Fees(SettlementTransactionState sale, KlarnaSimulatorOptions options)
    {
        if (options.PayoutFeeRate > 0)
        {
            yield return Fee(sale, "PURCHASE_FEE_PERCENTAGE", Round(sale.Amount * (decimal)options.PayoutFeeRate / 10_000m), options.PayoutFeeVatRate);
        }

        if (options.PayoutFixedFee > 0)
        {
            yield return Fee(sale, "PURCHASE_FEE_FIXED", options.PayoutFixedFee, options.PayoutFeeVatRate);
        }
    }

    private static SettlementTransactionState Fee(SettlementTransactionState sale, string detailedType, long amount, int vatRate) => sale with
    {
        Type = "FEE",
        DetailedType = detailedType,
        MerchantCaptureReference = null, // documented: fees carry the sale's capture_id

        Amount = amount,
        VatRate = vatRate,
        VatAmount = Round(amount * (decimal)vatRate / 10_000m),
    };

    // Swedish practice: half away from zero.
    private static long Round(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    private static SettlementTransactionState Base(OrderState order, DateTimeOffset at) => new()
    {
        Type = string.Empty,
        DetailedType = string.Empty,
        Amount = 0,
        OrderId = order.OrderId,
        Currency = order.Currency,
        PurchaseCountry = order.Country,
        SaleDate = order.CreatedAt,
        CaptureDate = at,
        MerchantReference1 = order.MerchantReference1,
        MerchantReference2 = order.MerchantReference2,
    };
}
