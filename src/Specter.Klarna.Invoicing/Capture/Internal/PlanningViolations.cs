using System.Globalization;
using Specter.Klarna.Invoicing.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The planner's rule violations, worded in English and Swedish.</summary>
internal static class PlanningViolations
{
    public static KlarnaInvoicingRuleViolation NothingToInvoice(string orderNumber) => new(
        KlarnaInvoicingRule.NothingToInvoice,
        $"Nothing is left to invoice on order {orderNumber}.",
        $"Det finns inget kvar att fakturera på order {orderNumber}.");

    public static KlarnaInvoicingRuleViolation NothingToPrepay(string orderNumber) => new(
        KlarnaInvoicingRule.NothingToInvoice,
        $"Nothing is left to prepay on order {orderNumber}: the remaining amount is already invoiced or prepaid.",
        $"Det finns inget kvar att förskottsfakturera på order {orderNumber}: resterande belopp är redan fakturerat eller förskottsbetalt.");

    public static KlarnaInvoicingRuleViolation TypeNotAllowed(InvoiceType type, InvoiceTypeDecision decision) => new(
        KlarnaInvoicingRule.InvoiceTypeNotAllowed,
        $"A {English(type)} invoice is not allowed for the order's delivery state; allowed: {string.Join(", ", decision.Allowed.Select(English))}.",
        $"En {Swedish(type)} är inte tillåten i orderns leveransläge; tillåtna: {string.Join(", ", decision.Allowed.Select(Swedish))}.");

    public static KlarnaInvoicingRuleViolation InvalidPrepaymentPercent(decimal? percent, bool isPrepayment) => isPrepayment
        ? new(
            KlarnaInvoicingRule.InvalidPrepaymentPercent,
            $"The prepayment percent must be greater than 0 and at most 100 (was {Text(percent)}).",
            $"Förskottsprocenten måste vara större än 0 och högst 100 (angavs {Text(percent)?.Replace('.', ',')}).")
        : new(
            KlarnaInvoicingRule.InvalidPrepaymentPercent,
            $"A prepayment percent ({Text(percent)}) is only allowed on a prepayment invoice.",
            $"En förskottsprocent ({Text(percent)?.Replace('.', ',')}) är bara tillåten på en förskottsfaktura.");

    public static KlarnaInvoicingRuleViolation CaptureTooLarge(Money total) => new(
        KlarnaInvoicingRule.CaptureTooLarge,
        $"The invoice total {Major(total)} is more than Klarna accepts in one capture ({Major(new Money(MinorUnitMath.KlarnaMaxAmount, total.Currency))}); split the order into several invoices.",
        $"Fakturabeloppet {Major(total, true)} är mer än Klarna tar emot i en dragning ({Major(new Money(MinorUnitMath.KlarnaMaxAmount, total.Currency), true)}); dela upp ordern på flera fakturor.");

    public static KlarnaInvoicingRuleViolation ExceedsAuthorized(Money total, Money limit) => new(
        KlarnaInvoicingRule.ExceedsAuthorizedAmount,
        $"The invoice total {Major(total)} exceeds the amount Klarna still has authorized ({Major(limit)}) by {Major(total - limit)}.",
        $"Fakturabeloppet {Major(total, true)} överstiger beloppet som fortfarande är reserverat hos Klarna ({Major(limit, true)}) med {Major(total - limit, true)}.");

    public static KlarnaInvoicingRuleViolation ExceedsOrdered(string lineId, string invoiced, string ordered) => new(
        KlarnaInvoicingRule.ExceedsOrderedQuantity,
        $"Line {lineId}: {invoiced} is already invoiced but only {ordered} is ordered; credit the difference before invoicing again.",
        $"Rad {lineId}: {invoiced} är redan fakturerat men bara {ordered} är beställt; kreditera mellanskillnaden innan du fakturerar igen.");

    public static KlarnaInvoicingRuleViolation NegativeCapture(Money total) => new(
        KlarnaInvoicingRule.NegativeCapture,
        $"The invoice total would be negative ({Major(total)}); a capture cannot be negative, use a credit invoice instead.",
        $"Fakturabeloppet skulle bli negativt ({Major(total, true)}); en dragning kan inte vara negativ, använd en kreditfaktura i stället.");

    public static KlarnaInvoicingRuleViolation MissingInvoiceNumber() => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        "An invoice number is required.",
        "Fakturanummer saknas.");

    public static KlarnaInvoicingRuleViolation InvoiceNumberTooLong(int length) => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        $"The invoice number is {length} characters; at most 255 are allowed.",
        $"Fakturanumret har {length} tecken; högst 255 är tillåtna.");

    public static KlarnaInvoicingRuleViolation InvoiceNumberHasControlCharacters() => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        "The invoice number contains a control character (a line break, tab or similar); use printable characters only.",
        "Fakturanumret innehåller ett styrtecken (radbrytning, tabb eller liknande); använd bara skrivbara tecken.");

    public static KlarnaInvoicingRuleViolation InvoiceNumberUsed(string invoiceNumber, string orderNumber) => new(
        KlarnaInvoicingRule.InvalidInvoiceNumber,
        $"Invoice number {invoiceNumber} is already used on order {orderNumber}.",
        $"Fakturanummer {invoiceNumber} används redan på order {orderNumber}.");

    public static string Swedish(InvoiceType type) => type switch
    {
        InvoiceType.Delivery => "leveransfaktura",
        InvoiceType.Final => "slutfaktura",
        _ => "förskottsfaktura",
    };

    public static string English(InvoiceType type) => type switch
    {
        InvoiceType.Delivery => "delivery",
        InvoiceType.Final => "final",
        _ => "prepayment",
    };

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Major(Money money, bool swedish = false)
    {
        string digits = "0." + new string('0', money.Currency.MinorUnitDigits);
        string text = money.ToMajorUnits().ToString(money.Currency.MinorUnitDigits == 0 ? "0" : digits, CultureInfo.InvariantCulture);
        return (swedish ? text.Replace('.', ',') : text) + " " + money.Currency.Code;
    }
}
