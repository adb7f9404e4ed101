namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Rule violations raised by the orchestration (the domain raises its own): a code and arguments; the texts are in Resources/Texts*.resx.</summary>
internal static class RuleViolations
{
    public static KlarnaInvoicingRuleViolation InvoiceNotFound(string invoiceNumber) =>
        new(KlarnaInvoicingRule.InvoiceNotFound, "Rule_InvoiceNotFound", [invoiceNumber]);

    public static KlarnaInvoicingRuleViolation ActivationInProgress(string subject) =>
        new(KlarnaInvoicingRule.ActivationInProgress, "Rule_ActivationInProgress", [subject]);

    public static KlarnaInvoicingRuleViolation InvoiceNumberInUse(string invoiceNumber) =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_InvoiceNumberInUse", [invoiceNumber]);

    public static KlarnaInvoicingRuleViolation RetryNeedsFailed(string invoiceNumber, ActivationState state) => new(
        state switch
        {
            ActivationState.Activated => KlarnaInvoicingRule.InvoiceLocked,
            ActivationState.Pending or ActivationState.Unknown => KlarnaInvoicingRule.ActivationInProgress,
            _ => KlarnaInvoicingRule.InvalidInvoiceNumber,
        },
        "Rule_RetryNeedsFailed",
        [invoiceNumber, state.ToString()]);

    public static KlarnaInvoicingRuleViolation OrderChangedMeanwhile(string orderNumber) =>
        new(KlarnaInvoicingRule.ActivationInProgress, "Rule_OrderChangedMeanwhile", [orderNumber]);

    public static KlarnaInvoicingRuleViolation InvoiceBelongsToAnotherOrder(string invoiceNumber, string orderNumber, string? klarnaOrderId) =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_InvoiceBelongsToAnotherOrder", [invoiceNumber, orderNumber, klarnaOrderId]);

    public static KlarnaInvoicingRuleViolation PrepaymentNotSettled(string prepaymentInvoice, string orderNumber) =>
        new(KlarnaInvoicingRule.PrepaymentNotSettled, "Rule_PrepaymentNotSettled", [prepaymentInvoice, orderNumber]);

    public static KlarnaInvoicingRuleViolation AlreadyCapturedAtKlarna(string invoiceNumber, string captureId, Money captured) =>
        new(KlarnaInvoicingRule.AlreadyCapturedAtKlarna, "Rule_AlreadyCapturedAtKlarna", [captureId, invoiceNumber, captured]);

    public static KlarnaInvoicingRuleViolation FromWarning(ProposalWarning warning) => new(
        warning.Code switch
        {
            ProposalWarningCode.PrepaymentNotEnabled => KlarnaInvoicingRule.PrepaymentNotEnabled,
            ProposalWarningCode.ExceedsRemainingAuthorized or ProposalWarningCode.AuthorizationSpentByCreditedPrepayment => KlarnaInvoicingRule.ExceedsAuthorizedAmount,
            _ => KlarnaInvoicingRule.ReservationNotCapturable,
        },
        "Warning_" + warning.Code,
        warning.Arguments);
}
