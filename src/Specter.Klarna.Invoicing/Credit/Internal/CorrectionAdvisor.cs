namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>Decides how an order is undone at Klarna (pure): cancel while nothing is captured, else credit what is left on its invoices, then release.</summary>
internal static class CorrectionAdvisor
{
    /// <param name="leftToCredit">The order's invoices with something left to credit (number and amount left).</param>
    /// <param name="klarnaOrder">The Klarna order, or <see langword="null"/> without a reservation.</param>
    public static (CorrectionKind Kind, bool ReleaseRemaining) Decide(IReadOnlyList<InvoiceCredit> leftToCredit, KlarnaOrder? klarnaOrder)
    {
        if (klarnaOrder is null)
        {
            return (leftToCredit.Count > 0 ? CorrectionKind.Credit : CorrectionKind.Nothing, false);
        }

        bool open = klarnaOrder.Status != KlarnaOrderStatus.Cancelled && klarnaOrder.Status != KlarnaOrderStatus.Closed && klarnaOrder.Status != KlarnaOrderStatus.Expired;
        if (klarnaOrder.CapturedAmount == 0)
        {
            return (open ? CorrectionKind.Cancel : CorrectionKind.Nothing, false);
        }

        bool release = open && klarnaOrder.RemainingAuthorizedAmount > 0;
        if (leftToCredit.Count > 0 && klarnaOrder.CapturedAmount > klarnaOrder.RefundedAmount)
        {
            return (CorrectionKind.Credit, release);
        }

        return (release ? CorrectionKind.Release : CorrectionKind.Nothing, release);
    }
}
