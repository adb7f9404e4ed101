namespace Specter.Klarna.Invoicing;

/// <summary>A payout transaction the reconciliation could not turn into a marking or booking line, and why.</summary>
/// <param name="Transaction">The transaction as Klarna sent it.</param>
/// <param name="Reason">Why it is unmatched.</param>
public sealed record UnmatchedSettlementTransaction(KlarnaSettlementTransaction Transaction, UnmatchedReason Reason);
