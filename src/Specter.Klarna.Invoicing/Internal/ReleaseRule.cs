namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// When releasing what Klarna still holds after an ERP order's last invoice is provably safe. One Klarna purchase can be
/// invoiced from more than one ERP order (a back-order split off under its own number); releasing then takes away the
/// reservation the other order needs, and its invoice is refused for good. A back-order that has not been invoiced yet
/// is in no ledger, so the only proof is arithmetic: the ERP order being closed accounts for Klarna's whole
/// <c>order_amount</c> (everything it invoiced, earlier and now, equals what Klarna reserved) and every capture Klarna
/// holds is one of its own. Otherwise nothing is released and the caller is told how much is still reserved.
/// </summary>
internal static class ReleaseRule
{
    /// <summary>Decides about the release after an ERP order's last invoice.</summary>
    /// <param name="klarnaOrder">Klarna's order as read.</param>
    /// <param name="erpInvoicedTotal">Σ of every invoice total of the ERP order, the last one included.</param>
    /// <param name="erpCapturedWhenRead">Σ of the ERP order's captures that Klarna already held when <paramref name="klarnaOrder"/> was read.</param>
    /// <param name="captureAfterRead">The last invoice's capture when it was made after the read (0 when it was already in the read, or captured nothing).</param>
    /// <returns>What is still reserved after the last capture, and whether releasing it is provably safe.</returns>
    public static (long StillReserved, bool Safe) Decide(KlarnaOrder klarnaOrder, long erpInvoicedTotal, long erpCapturedWhenRead, long captureAfterRead)
    {
        long stillReserved = Math.Max(0, klarnaOrder.RemainingAuthorizedAmount.MinorUnits - captureAfterRead);
        bool accountsForWholeOrder = erpInvoicedTotal == klarnaOrder.OrderAmount.MinorUnits;
        bool onlyItsOwnCaptures = klarnaOrder.CapturedAmount.MinorUnits == erpCapturedWhenRead;
        return (stillReserved, stillReserved > 0 && accountsForWholeOrder && onlyItsOwnCaptures);
    }

    /// <summary>The warning a proposal or result carries when the ERP order is closed but Klarna still holds an amount this library may not release.</summary>
    public static ProposalWarning StillReserved(Money amount, string klarnaOrderId) =>
        new(ProposalWarningCode.AuthorizationStillReserved, IsBlocking: false, [amount, klarnaOrderId]);
}
