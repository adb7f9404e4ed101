namespace Specter.Klarna.Invoicing;

/// <summary>
/// A payout turned into bookable lines: payment markings per ERP document, booking lines for everything else, and the
/// balance check. It is never forced: when the lines do not add up to the payout's settlement amount,
/// <see cref="Difference"/> says by how much and <see cref="Unmatched"/> lists what could not be matched.
/// </summary>
public sealed record PayoutReconciliation
{
    /// <summary>Gets the payout.</summary>
    public required KlarnaPayout Payout { get; init; }

    /// <summary>Gets the payments of invoices and the refunds of credit invoices, one per document.</summary>
    public required IReadOnlyList<PaymentMarking> Markings { get; init; }

    /// <summary>Gets the fees, commissions, corrections, holdbacks, releases, reversals, charges and credits.</summary>
    public required IReadOnlyList<PayoutBookingLine> BookingLines { get; init; }

    /// <summary>Gets the transactions that could not be matched or booked.</summary>
    public required IReadOnlyList<UnmatchedSettlementTransaction> Unmatched { get; init; }

    /// <summary>Gets the sum of the markings and the booking lines' payout effects.</summary>
    public required Money Reconciled { get; init; }

    /// <summary>Gets the payout's settlement amount minus <see cref="Reconciled"/>: zero when the payout balances.</summary>
    public required Money Difference { get; init; }

    /// <summary>Gets where the transactions disagree with Klarna's own per-type totals (a cross-check; Klarna's formula is not confirmed to the öre).</summary>
    public required IReadOnlyList<string> TotalsWarnings { get; init; }

    /// <summary>Gets a value indicating whether markings plus booking lines equal the settlement amount exactly.</summary>
    public bool IsBalanced => Difference.MinorUnits == 0;
}
