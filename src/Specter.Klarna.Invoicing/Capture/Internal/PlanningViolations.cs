using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The planner's rule violations: a code and arguments; the texts are in Resources/Texts*.resx.</summary>
internal static class PlanningViolations
{
    public static KlarnaInvoicingRuleViolation NothingToInvoice(string orderNumber) =>
        new(KlarnaInvoicingRule.NothingToInvoice, "Rule_NothingToInvoice", [orderNumber]);

    public static KlarnaInvoicingRuleViolation NothingToPrepay(string orderNumber) =>
        new(KlarnaInvoicingRule.NothingToInvoice, "Rule_NothingToPrepay", [orderNumber]);

    public static KlarnaInvoicingRuleViolation TypeNotAllowed(InvoiceType type, InvoiceTypeDecision decision) =>
        new(KlarnaInvoicingRule.InvoiceTypeNotAllowed, "Rule_TypeNotAllowed", [type, decision.Allowed.ToArray()]);

    public static KlarnaInvoicingRuleViolation InvalidPrepaymentPercent(decimal? percent, bool isPrepayment) =>
        new(KlarnaInvoicingRule.InvalidPrepaymentPercent, isPrepayment ? "Rule_PrepaymentPercentOutOfRange" : "Rule_PrepaymentPercentNotPrepayment", [percent]);

    public static KlarnaInvoicingRuleViolation CaptureTooLarge(Money total) =>
        new(KlarnaInvoicingRule.CaptureTooLarge, "Rule_CaptureTooLarge", [total, new Money(MinorUnitMath.KlarnaMaxAmount, total.Currency)]);

    public static KlarnaInvoicingRuleViolation ExceedsAuthorized(Money total, Money limit) =>
        new(KlarnaInvoicingRule.ExceedsAuthorizedAmount, "Rule_ExceedsAuthorized", [total, limit, total - limit]);

    /// <summary>Invoiced and ordered are quantities (decimal) for quantity-driven lines and <see cref="Money"/> for amount-driven ones.</summary>
    public static KlarnaInvoicingRuleViolation ExceedsOrdered(string lineId, object invoiced, object ordered) =>
        new(KlarnaInvoicingRule.ExceedsOrderedQuantity, "Rule_ExceedsOrdered", [lineId, invoiced, ordered]);

    public static KlarnaInvoicingRuleViolation NegativeCapture(Money total) =>
        new(KlarnaInvoicingRule.NegativeCapture, "Rule_NegativeCapture", [total]);

    public static KlarnaInvoicingRuleViolation MissingInvoiceNumber() =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_MissingInvoiceNumber", []);

    public static KlarnaInvoicingRuleViolation InvoiceNumberTooLong(int length) =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_InvoiceNumberTooLong", [length]);

    public static KlarnaInvoicingRuleViolation InvoiceNumberHasControlCharacters() =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_InvoiceNumberHasControlCharacters", []);

    public static KlarnaInvoicingRuleViolation InvoiceNumberUsed(string invoiceNumber, string orderNumber) =>
        new(KlarnaInvoicingRule.InvalidInvoiceNumber, "Rule_InvoiceNumberUsedOnOrder", [invoiceNumber, orderNumber]);
}
