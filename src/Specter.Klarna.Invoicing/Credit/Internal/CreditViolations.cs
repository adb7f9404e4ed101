namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>The credit rules' violations: a code and arguments; the texts are in Resources/Texts*.resx.</summary>
internal static class CreditViolations
{
    public static KlarnaInvoicingRuleViolation LinesAndAmounts() =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditLinesAndAmounts", []);

    public static KlarnaInvoicingRuleViolation LineNotOnInvoice(string invoiceNumber, string orderLineId) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditLineNotOnInvoice", [orderLineId, invoiceNumber]);

    public static KlarnaInvoicingRuleViolation LineTwice(string orderLineId) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditLineTwice", [orderLineId]);

    public static KlarnaInvoicingRuleViolation BadQuantity(string orderLineId, decimal quantity, decimal left) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditBadQuantity", [orderLineId, quantity, left]);

    public static KlarnaInvoicingRuleViolation WholeLineOnly(string orderLineId, decimal left) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditWholeLineOnly", [orderLineId, left]);

    /// <summary>A line credited by amount that an earlier credit already took whole: more than is left (nothing), not a malformed request.</summary>
    public static KlarnaInvoicingRuleViolation AlreadyCredited(string orderLineId, string invoiceNumber, Money leftOnInvoice) =>
        new(KlarnaInvoicingRule.CreditExceedsInvoice, "Rule_CreditLineAlreadyCredited", [orderLineId, invoiceNumber, leftOnInvoice]);

    public static KlarnaInvoicingRuleViolation QuantityExceeds(string orderLineId, decimal quantity, decimal left) =>
        new(KlarnaInvoicingRule.CreditExceedsInvoice, "Rule_CreditQuantityExceeds", [orderLineId, quantity, left]);

    public static KlarnaInvoicingRuleViolation BadAmount(decimal vatRate) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditBadAmount", [vatRate]);

    public static KlarnaInvoicingRuleViolation RateTwice(decimal vatRate) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditRateTwice", [vatRate]);

    public static KlarnaInvoicingRuleViolation AmountExceeds(decimal vatRate, Money amount, Money left) =>
        new(KlarnaInvoicingRule.CreditExceedsInvoice, "Rule_CreditAmountExceeds", [amount, vatRate, left]);

    public static KlarnaInvoicingRuleViolation ExceedsCapture(Money amount, Money left) =>
        new(KlarnaInvoicingRule.CreditExceedsInvoice, "Rule_CreditExceedsCapture", [amount, left]);

    public static KlarnaInvoicingRuleViolation CreditOfCredit(string creditNumber) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditOfCredit", [creditNumber]);

    public static KlarnaInvoicingRuleViolation CreditNumberIsInvoice(string number) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditNumberIsInvoice", [number]);

    public static KlarnaInvoicingRuleViolation WithoutKlarnaCapture() =>
        new(KlarnaInvoicingRule.NotActivated, "Rule_CreditWithoutKlarnaCapture", []);

    public static KlarnaInvoicingRuleViolation ExceedsOrder(Money amount, Money left) =>
        new(KlarnaInvoicingRule.CreditExceedsOrder, "Rule_CreditExceedsOrder", [amount, left]);

    public static KlarnaInvoicingRuleViolation PrepaymentNetted(decimal vatRate, Money amount, Money left) =>
        new(KlarnaInvoicingRule.PrepaymentAlreadyNetted, "Rule_CreditPrepaymentNetted", [amount, vatRate, left]);

    public static KlarnaInvoicingRuleViolation ReturnFeeNotAllowed() =>
        new(KlarnaInvoicingRule.ReturnFeeNotAllowed, "Rule_ReturnFeeNotAllowed", []);

    public static KlarnaInvoicingRuleViolation BadReturnFee(Money fee, Money credited) =>
        new(KlarnaInvoicingRule.InvalidCredit, "Rule_CreditBadReturnFee", [fee, credited]);

    public static KlarnaInvoicingRuleViolation NothingToCredit(string invoiceNumber) =>
        new(KlarnaInvoicingRule.NothingToCredit, "Rule_NothingToCredit", [invoiceNumber]);
}
