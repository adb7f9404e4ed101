namespace Specter.Klarna.Invoicing;

/// <summary>What importing one payout did.</summary>
/// <param name="Reconciliation">The payout reconciled against the ledger (markings, booking lines, balance).</param>
/// <param name="NewMarkings">The markings this import recorded; empty when an earlier import already recorded them.</param>
public sealed record PayoutImportResult(PayoutReconciliation Reconciliation, IReadOnlyList<PaymentMarking> NewMarkings);
