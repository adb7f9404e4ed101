using Specter.Klarna.Invoicing.Testing.Internal;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>The Settlements side: payouts made from the simulator's own captures and refunds.</content>
public sealed partial class KlarnaSimulator
{
    private static readonly HashSet<string> SettlementTypes = ["NET", "GROSS"];

    /// <summary>Gets every payout closed so far, oldest first.</summary>
    public IReadOnlyList<SimulatedPayout> Payouts
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Settlements.Payouts.Select(ToPublic)];
            }
        }
    }

    /// <summary>
    /// Closes a payout period, as Klarna does when it pays the merchant: every capture and refund made at or before
    /// <paramref name="payoutDate"/> that no payout has paid yet, and every correction added with
    /// <see cref="AddPayoutCorrection"/>, become one payout per merchant and currency, served from then on by the
    /// Settlements API (<c>/settlements/v1/payouts</c>, <c>/payouts/{payment_reference}</c>, <c>/payouts/summary</c>,
    /// <c>/transactions</c>).
    /// </summary>
    /// <remarks>
    /// <para>Each capture becomes a <c>SALE</c> (<c>merchant_capture_reference</c> = the capture's <c>reference</c>,
    /// <c>capture_id</c>); each refund a <c>RETURN</c> (<c>merchant_refund_reference</c> = the refund's <c>reference</c>,
    /// <c>refund_id</c>, an empty <c>capture_id</c>). With <see cref="KlarnaSimulatorOptions.PayoutFeeRate"/> or
    /// <see cref="KlarnaSimulatorOptions.PayoutFixedFee"/> set, each sale gets <c>FEE</c> lines on its capture id with
    /// VAT by <see cref="KlarnaSimulatorOptions.PayoutFeeVatRate"/>, each rounded half away from zero. Amounts are
    /// magnitudes (a correction is signed). The settlement amount is sales − returns ± corrections, minus fees and their
    /// VAT when the settlement type is <c>NET</c>. Payment references are <c>SP000001</c>, <c>SP000002</c>, … in order.</para>
    /// <para>Nothing is paid twice: a second call with the same date makes no payout unless something new was captured,
    /// refunded or corrected.</para>
    /// </remarks>
    /// <param name="payoutDate">The payout date (<c>payout_date</c>, kept to the second as Klarna shows it); captures and refunds at or before it are paid.</param>
    /// <param name="merchant">Only this merchant's payouts, or <see langword="null"/> for every merchant.</param>
    /// <returns>The new payouts (empty when there was nothing to pay), by merchant then currency.</returns>
    /// <exception cref="InvalidOperationException">The merchant is unknown.</exception>
    public IReadOnlyList<SimulatedPayout> ClosePayoutPeriod(DateTimeOffset payoutDate, string? merchant = null)
    {
        if (merchant is not null && !_state.Merchants.ContainsKey(merchant))
        {
            throw new InvalidOperationException($"Unknown merchant '{merchant}'. Call AddMerchant first.");
        }

        lock (_state.Gate)
        {
            return [.. PayoutCloser.Close(_state, payoutDate, merchant).Select(ToPublic)];
        }
    }

    /// <summary>Adds a correction Klarna books against an order (a <c>CORRECTION</c> transaction) to the order's next payout.</summary>
    /// <param name="orderId">The order; the payout is its merchant's, in its currency.</param>
    /// <param name="amount">The signed amount in minor units: positive pays the merchant, negative deducts.</param>
    /// <param name="detailedType">Klarna's detailed type, for example <c>FIXED_FEE_CORRECTION_SE</c>.</param>
    /// <param name="comment">Klarna's comment (<c>klarna_comment</c>), or <see langword="null"/>.</param>
    /// <returns>This simulator.</returns>
    /// <exception cref="KeyNotFoundException">No such order.</exception>
    public KlarnaSimulator AddPayoutCorrection(string orderId, long amount, string detailedType = "CORRECTION", string? comment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(detailedType);
        lock (_state.Gate)
        {
            if (!_state.Orders.ContainsKey(orderId))
            {
                throw new KeyNotFoundException($"The simulator has no order {orderId}.");
            }

            _state.Settlements.PendingCorrections.Add(new PendingCorrection(orderId, amount, detailedType, comment));
        }

        return this;
    }

    private static SimulatedPayout ToPublic(PayoutState p) => new(
        p.PaymentReference,
        p.Merchant,
        p.Currency,
        p.PayoutDate,
        p.SettlementType,
        p.SettlementAmount,
        p.SaleAmount,
        p.ReturnAmount,
        p.FeeAmount,
        p.TaxAmount,
        p.CorrectionAmount,
        p.Transactions.Count);

    private static void ValidatePayoutOptions(KlarnaSimulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.PayoutFeeRate, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PayoutFeeRate, 10_000, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.PayoutFixedFee, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.PayoutFeeVatRate, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PayoutFeeVatRate, 10_000, nameof(options));
        if (options.MerchantSettlementType is null || !SettlementTypes.Contains(options.MerchantSettlementType))
        {
            throw new ArgumentException("MerchantSettlementType must be NET or GROSS.", nameof(options));
        }
    }
}
