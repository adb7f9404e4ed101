namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>
/// The checks of an invoice request that need neither the ledger nor Klarna: the invoice number (it becomes the
/// capture reference) and an explicit type's prepayment percent. The planner applies them, and the orchestration
/// applies them first, so a bad request is refused before any call to Klarna.
/// </summary>
internal static class InvoiceRequestRules
{
    public static KlarnaInvoicingRuleViolation? CheckInvoiceNumber(string? invoiceNumber)
    {
        if (string.IsNullOrWhiteSpace(invoiceNumber))
        {
            return PlanningViolations.MissingInvoiceNumber();
        }

        if (invoiceNumber.Length > KlarnaLimits.MaxText)
        {
            return PlanningViolations.InvoiceNumberTooLong(invoiceNumber.Length);
        }

        // A control character would break the capture reference, log lines and the ERP's payment matching.
        return invoiceNumber.Any(char.IsControl) ? PlanningViolations.InvoiceNumberHasControlCharacters() : null;
    }

    /// <summary>A description given by the host replaces the merchant-language default as it is: never cut, so a longer one is refused.</summary>
    public static KlarnaInvoicingRuleViolation? CheckDescription(string? description) =>
        description is { Length: > KlarnaLimits.MaxText }
            ? new(KlarnaInvoicingRule.InvalidDescription, "Rule_DescriptionTooLong", [description.Length, KlarnaLimits.MaxText])
            : null;

    /// <summary>The percent rule when the type is given; when it is proposed, the planner checks it against the proposed type.</summary>
    public static KlarnaInvoicingRuleViolation? CheckPrepaymentPercent(InvoiceType? type, decimal? percent)
    {
        if (type is not { } explicitType)
        {
            return null;
        }

        bool isPrepayment = explicitType == InvoiceType.Prepayment;
        return (isPrepayment ? percent is not (> 0 and <= 100) : percent is not null)
            ? PlanningViolations.InvalidPrepaymentPercent(percent, isPrepayment)
            : null;
    }

    /// <summary>Throws the first violation of <see cref="CheckInvoiceNumber"/> and <see cref="CheckPrepaymentPercent"/>.</summary>
    public static void ThrowIfInvalid(string? invoiceNumber, InvoiceType? type, decimal? percent)
    {
        if ((CheckInvoiceNumber(invoiceNumber) ?? CheckPrepaymentPercent(type, percent)) is { } violation)
        {
            throw new KlarnaInvoicingRuleException(violation);
        }
    }
}
