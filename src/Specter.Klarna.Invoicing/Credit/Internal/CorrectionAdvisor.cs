namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>Decides how an order is undone at Klarna (pure): cancel while nothing is captured, else credit what is left on its invoices, then release.</summary>
internal static class CorrectionAdvisor
{
    /// <param name="leftToCredit">The order's invoices with something left to credit (number and amount left).</param>
    /// <param name="reservation">Klarna's amounts for the order, or <see langword="null"/> without a reservation.</param>
    public static (CorrectionKind Kind, bool ReleaseRemaining) Decide(IReadOnlyList<InvoiceCredit> leftToCredit, ReservationAmounts? reservation)
    {
        if (reservation is not { } r)
        {
            return (leftToCredit.Count > 0 ? CorrectionKind.Credit : CorrectionKind.Nothing, false);
        }

        if (r.Captured == 0)
        {
            return (r.IsOpen ? CorrectionKind.Cancel : CorrectionKind.Nothing, false);
        }

        bool release = r.IsOpen && r.RemainingAuthorized > 0;
        if (leftToCredit.Count > 0 && r.Captured > r.Refunded)
        {
            return (CorrectionKind.Credit, release);
        }

        return (release ? CorrectionKind.Release : CorrectionKind.Nothing, release);
    }

    /// <summary>Klarna's amounts for an order, in minor units, and whether it can still change (not cancelled, closed or expired).</summary>
    internal readonly record struct ReservationAmounts(bool IsOpen, long Captured, long Refunded, long RemainingAuthorized);
}
