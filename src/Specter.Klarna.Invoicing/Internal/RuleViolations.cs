namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Rule violations raised by the orchestration (the domain raises its own), in English and Swedish.</summary>
internal static class RuleViolations
{
    public static KlarnaInvoicingRuleViolation InvoiceNotFound(string invoiceNumber) => new(
        KlarnaInvoicingRule.InvoiceNotFound,
        $"Invoice {invoiceNumber} is not known to the Klarna invoicing ledger.",
        $"Faktura {invoiceNumber} finns inte i Klarna-fakturaliggaren.");

    public static KlarnaInvoicingRuleViolation ActivationInProgress(string subject) => new(
        KlarnaInvoicingRule.ActivationInProgress,
        $"An activation at Klarna is in progress for {subject}; wait until it is settled (recovery settles unknown outcomes). Do not retry by hand.",
        $"En aktivering hos Klarna pågår för {subject}; vänta tills den är avstämd (återhämtningen stämmer av okända utfall). Försök inte igen för hand.");

    public static KlarnaInvoicingRuleViolation InvoiceNumberInUse(string invoiceNumber) => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        $"Invoice number {invoiceNumber} is already used.",
        $"Fakturanummer {invoiceNumber} används redan.");

    public static KlarnaInvoicingRuleViolation RetryNeedsFailed(string invoiceNumber, ActivationState state) => new(
        state switch
        {
            ActivationState.Activated => KlarnaInvoicingRule.InvoiceLocked,
            ActivationState.Pending or ActivationState.Unknown => KlarnaInvoicingRule.ActivationInProgress,
            _ => KlarnaInvoicingRule.InvalidInvoiceNumber,
        },
        $"Invoice {invoiceNumber} is {state}; only a failed activation can be retried.",
        $"Faktura {invoiceNumber} har status {state}; bara en misslyckad aktivering kan göras om.");

    public static KlarnaInvoicingRuleViolation OrderChangedMeanwhile(string orderNumber) => new(
        KlarnaInvoicingRule.ActivationInProgress,
        $"Another invoice of order {orderNumber} was created while this one was being prepared; nothing was sent. Open the invoice dialog again.",
        $"En annan faktura på order {orderNumber} skapades medan den här förbereddes; inget skickades. Öppna fakturadialogen igen.");

    public static KlarnaInvoicingRuleViolation InvoiceBelongsToAnotherOrder(string invoiceNumber, string orderNumber, string? klarnaOrderId) => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        $"Invoice {invoiceNumber} belongs to order {orderNumber} (Klarna order {klarnaOrderId ?? "none"}); retry it with that order.",
        $"Faktura {invoiceNumber} hör till order {orderNumber} (Klarna-order {klarnaOrderId ?? "ingen"}); gör om den med den ordern.");

    public static KlarnaInvoicingRuleViolation PrepaymentNotSettled(string prepaymentInvoice, string orderNumber) => new(
        KlarnaInvoicingRule.PrepaymentNotSettled,
        $"Prepayment invoice {prepaymentInvoice} of order {orderNumber} failed at Klarna; retry or abandon it before invoicing the order further, because later invoices deduct prepayments.",
        $"Förskottsfaktura {prepaymentInvoice} på order {orderNumber} misslyckades hos Klarna; aktivera den igen eller makulera den innan ordern faktureras vidare, eftersom senare fakturor avräknar förskott.");

    public static KlarnaInvoicingRuleViolation AlreadyCapturedAtKlarna(string invoiceNumber, string captureId, long capturedMinorUnits) => new(
        KlarnaInvoicingRule.AlreadyCapturedAtKlarna,
        $"Klarna already holds capture {captureId} with reference {invoiceNumber} ({capturedMinorUnits} minor units, not this invoice's amount); a new attempt could capture twice. Check the order in Klarna's portal.",
        $"Klarna har redan dragning {captureId} med referens {invoiceNumber} ({capturedMinorUnits} minsta enheter, inte fakturans belopp); ett nytt försök kan dra pengarna två gånger. Kontrollera ordern i Klarnas portal.");

    public static KlarnaInvoicingRuleViolation FromWarning(ProposalWarning warning) => new(
        warning.Code switch
        {
            ProposalWarningCode.PrepaymentNotEnabled => KlarnaInvoicingRule.PrepaymentNotEnabled,
            ProposalWarningCode.ExceedsRemainingAuthorized => KlarnaInvoicingRule.ExceedsAuthorizedAmount,
            _ => KlarnaInvoicingRule.ReservationNotCapturable,
        },
        warning.MessageEnglish,
        warning.MessageSwedish);
}
