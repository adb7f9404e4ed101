using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>The engine's transitions and doubts. Ids only: never bodies, keys, credentials or personal data.</summary>
internal static partial class ExactlyOnceLog
{
    [LoggerMessage(EventId = 2002, EventName = "ActivationStateChanged", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber} on Klarna order {KlarnaOrderId}: {FromState} -> {ToState} (attempt {Attempt})")]
    public static partial void StateChanged(ILogger logger, string invoiceNumber, string? klarnaOrderId, ActivationState fromState, ActivationState toState, int attempt);

    [LoggerMessage(EventId = 2003, EventName = "IdempotencyKeyReused", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber}: re-sending the {Operation} with its original idempotency key (attempt {Attempt}, recovery try {RecoveryAttempt})")]
    public static partial void KeyReused(ILogger logger, string invoiceNumber, string operation, int attempt, int recoveryAttempt);

    [LoggerMessage(EventId = 2004, EventName = "ReconciledFromKlarna", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber}: Klarna's {Operation}s read before deciding; found: {Found}")]
    public static partial void Reconciled(ILogger logger, string invoiceNumber, string operation, bool found);

    [LoggerMessage(EventId = 2005, EventName = "ActivationOutcomeUnknown", Level = LogLevel.Warning,
        Message = "Invoice {InvoiceNumber} on Klarna order {KlarnaOrderId}: activation outcome unknown ({Reason}); recovery will settle it")]
    public static partial void OutcomeUnknown(ILogger logger, string invoiceNumber, string? klarnaOrderId, string reason);

    [LoggerMessage(EventId = 2008, EventName = "ActivatedButNotRecorded", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: Klarna made it ({KlarnaId}) but the ledger write failed; recovery will record it")]
    public static partial void ActivatedButNotRecorded(ILogger logger, string invoiceNumber, string klarnaId, Exception exception);

    [LoggerMessage(EventId = 2009, EventName = "StoredBodyTampered", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: the stored request body does not match its hash; it is not sent")]
    public static partial void StoredBodyTampered(ILogger logger, string invoiceNumber);

    [LoggerMessage(EventId = 2011, EventName = "OutcomeConflict", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: Klarna made {KlarnaId} under attempt {Attempt}, but the ledger had meanwhile recorded {LedgerState} (attempt {LedgerAttempt}); the ledger now records what Klarna did")]
    public static partial void OutcomeConflict(ILogger logger, string invoiceNumber, string klarnaId, int attempt, ActivationState ledgerState, int ledgerAttempt);

    [LoggerMessage(EventId = 2012, EventName = "MadeTwice", Level = LogLevel.Critical,
        Message = "Invoice {InvoiceNumber}: Klarna made {KlarnaId} although the ledger already records {RecordedId}; Klarna holds two for one invoice and one must be refunded by a person")]
    public static partial void MadeTwice(ILogger logger, string invoiceNumber, string klarnaId, string recordedId);

    [LoggerMessage(EventId = 2013, EventName = "TakenBack", Level = LogLevel.Warning,
        Message = "Invoice {InvoiceNumber}: nothing was captured and nothing is in flight; taken back without sending ({Reason})")]
    public static partial void TakenBack(ILogger logger, string invoiceNumber, string reason);

    [LoggerMessage(EventId = 2014, EventName = "ReferenceUsedForAnotherAmount", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: Klarna holds {KlarnaId} with this reference for {KlarnaAmount} minor units, not {RecordedAmount}; a person must settle it")]
    public static partial void ReferenceUsedForAnotherAmount(ILogger logger, string invoiceNumber, string klarnaId, long klarnaAmount, long recordedAmount);
}
