namespace Specter.Klarna.Invoicing;

/// <summary>The type of an invoice, chosen from the order's delivery state.</summary>
public enum InvoiceType
{
    /// <summary>Leveransfaktura: invoices what has been delivered and not yet invoiced.</summary>
    Delivery = 0,

    /// <summary>Slutfaktura: invoices everything not yet invoiced on an undelivered order.</summary>
    Final = 1,

    /// <summary>Förskottsfaktura: invoices a percent of the remaining order amount before delivery.</summary>
    Prepayment = 2,
}
