namespace Specter.Klarna.Invoicing;

/// <summary>Why an invoice type was proposed (shown in the invoice dialog).</summary>
public enum InvoiceTypeReason
{
    /// <summary>Some quantity is delivered and not yet invoiced: a delivery invoice.</summary>
    DeliveredNotInvoiced = 0,

    /// <summary>Nothing is delivered and something is left to invoice: a final invoice (or, on request, a prepayment).</summary>
    NothingDeliveredRemainderOpen = 1,

    /// <summary>Everything on the order is already invoiced: there is nothing to invoice.</summary>
    FullyInvoiced = 2,
}
