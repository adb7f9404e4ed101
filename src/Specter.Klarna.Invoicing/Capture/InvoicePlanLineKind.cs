namespace Specter.Klarna.Invoicing;

/// <summary>Where an invoice line comes from.</summary>
public enum InvoicePlanLineKind
{
    /// <summary>(Part of) an order line: goods, service, shipping, fee, discount or gift card.</summary>
    OrderLine = 0,

    /// <summary>A prepayment line (one per VAT rate) on a prepayment invoice.</summary>
    Prepayment = 1,

    /// <summary>A negative line netting off earlier prepayments (one per VAT rate).</summary>
    PrepaymentNetting = 2,

    /// <summary>Several order lines merged per VAT rate to stay within Klarna's 1000-line limit.</summary>
    /// <remarks>The planner merges only the Klarna capture lines; invoice plans it makes keep one line per order line and never contain this kind.</remarks>
    Merged = 3,
}
