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

    /// <summary>A return fee kept back on a credit invoice (negative on the credit: it lowers the refund).</summary>
    ReturnFee = 3,
}
