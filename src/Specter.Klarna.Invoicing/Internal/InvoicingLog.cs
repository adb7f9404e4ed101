using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Decisions and transitions the caller cannot see from results. Ids only: never bodies, credentials or personal data.</summary>
internal static partial class InvoicingLog
{
    [LoggerMessage(EventId = 2001, EventName = "InvoiceTypeChosen", Level = LogLevel.Information,
        Message = "Order {OrderNumber}: invoice {InvoiceNumber} planned as {InvoiceType} ({Reason}), total {TotalMinorUnits} {Currency}")]
    public static partial void InvoiceTypeChosen(ILogger logger, string orderNumber, string invoiceNumber, InvoiceType invoiceType, InvoiceTypeReason reason, long totalMinorUnits, string currency);

    [LoggerMessage(EventId = 2002, EventName = "ActivationStateChanged", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber} on Klarna order {KlarnaOrderId}: {FromState} -> {ToState} (attempt {Attempt})")]
    public static partial void StateChanged(ILogger logger, string invoiceNumber, string? klarnaOrderId, ActivationState fromState, ActivationState toState, int attempt);

    [LoggerMessage(EventId = 2003, EventName = "IdempotencyKeyReused", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber}: re-sending the capture with its original idempotency key (attempt {Attempt}, recovery try {RecoveryAttempt})")]
    public static partial void KeyReused(ILogger logger, string invoiceNumber, int attempt, int recoveryAttempt);

    [LoggerMessage(EventId = 2004, EventName = "ReconciledFromCaptures", Level = LogLevel.Information,
        Message = "Invoice {InvoiceNumber}: idempotency window passed; reconciled from Klarna's captures: {Found}")]
    public static partial void Reconciled(ILogger logger, string invoiceNumber, bool found);

    [LoggerMessage(EventId = 2005, EventName = "ActivationOutcomeUnknown", Level = LogLevel.Warning,
        Message = "Invoice {InvoiceNumber} on Klarna order {KlarnaOrderId}: activation outcome unknown ({Reason}); recovery will settle it")]
    public static partial void OutcomeUnknown(ILogger logger, string invoiceNumber, string? klarnaOrderId, string reason);

    [LoggerMessage(EventId = 2006, EventName = "RemainingAuthorizationReleased", Level = LogLevel.Information,
        Message = "Klarna order {KlarnaOrderId} fully invoiced; released remaining authorization of {RemainingMinorUnits} minor units")]
    public static partial void Released(ILogger logger, string klarnaOrderId, long remainingMinorUnits);

    [LoggerMessage(EventId = 2007, EventName = "ReleaseFailed", Level = LogLevel.Warning,
        Message = "Klarna order {KlarnaOrderId} fully invoiced, but releasing the remaining authorization failed")]
    public static partial void ReleaseFailed(ILogger logger, string klarnaOrderId, Exception exception);

    [LoggerMessage(EventId = 2008, EventName = "ActivatedButNotRecorded", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: Klarna captured it (capture {CaptureId}) but the ledger write failed; recovery will record it")]
    public static partial void ActivatedButNotRecorded(ILogger logger, string invoiceNumber, string captureId, Exception exception);

    [LoggerMessage(EventId = 2010, EventName = "RecoveryFailed", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber} could not be settled by recovery; the other invoices are settled regardless and it is tried again next run")]
    public static partial void RecoveryFailed(ILogger logger, string invoiceNumber, Exception exception);

    [LoggerMessage(EventId = 2009, EventName = "StoredBodyTampered", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: the stored request body does not match its hash; it is not re-sent")]
    public static partial void StoredBodyTampered(ILogger logger, string invoiceNumber);
}
