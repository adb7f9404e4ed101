using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Decisions and transitions the caller cannot see from results. Ids only: never bodies, credentials or personal data.</summary>
internal static partial class InvoicingLog
{
    [LoggerMessage(EventId = 2001, EventName = "InvoiceTypeChosen", Level = LogLevel.Information,
        Message = "Order {OrderNumber}: invoice {InvoiceNumber} planned as {InvoiceType} ({Reason}), total {TotalMinorUnits} {Currency}")]
    public static partial void InvoiceTypeChosen(ILogger logger, string orderNumber, string invoiceNumber, InvoiceType invoiceType, InvoiceTypeReason reason, long totalMinorUnits, string currency);

    [LoggerMessage(EventId = 2006, EventName = "RemainingAuthorizationReleased", Level = LogLevel.Information,
        Message = "Klarna order {KlarnaOrderId} fully invoiced; released remaining authorization of {RemainingMinorUnits} minor units")]
    public static partial void Released(ILogger logger, string klarnaOrderId, long remainingMinorUnits);

    [LoggerMessage(EventId = 2007, EventName = "ReleaseFailed", Level = LogLevel.Warning,
        Message = "Klarna order {KlarnaOrderId} fully invoiced, but releasing the remaining authorization failed")]
    public static partial void ReleaseFailed(ILogger logger, string klarnaOrderId, Exception exception);

    [LoggerMessage(EventId = 2016, EventName = "ReleaseNotSafe", Level = LogLevel.Warning,
        Message = "Klarna order {KlarnaOrderId}: ERP order {OrderNumber} is fully invoiced but {StillReservedMinorUnits} minor units stay reserved; releasing is not provably safe (another order may need them)")]
    public static partial void ReleaseNotSafe(ILogger logger, string klarnaOrderId, string orderNumber, long stillReservedMinorUnits);

    [LoggerMessage(EventId = 2010, EventName = "RecoveryFailed", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber} could not be settled by recovery; the other invoices are settled regardless and it is tried again next run")]
    public static partial void RecoveryFailed(ILogger logger, string invoiceNumber, Exception exception);

    [LoggerMessage(EventId = 2015, EventName = "UnreadableLedgerRow", Level = LogLevel.Error,
        Message = "Invoice {InvoiceNumber}: its ledger row cannot be read ({Reason}); recovery settles the others and reports it")]
    public static partial void UnreadableRow(ILogger logger, string invoiceNumber, string reason);

    [LoggerMessage(EventId = 2020, EventName = "CreditCreated", Level = LogLevel.Information,
        Message = "Credit {CreditNumber} of invoice {InvoiceNumber}: {State}, credited {TotalMinorUnits} minor units")]
    public static partial void Credited(ILogger logger, string creditNumber, string invoiceNumber, ActivationState state, long totalMinorUnits);
}
