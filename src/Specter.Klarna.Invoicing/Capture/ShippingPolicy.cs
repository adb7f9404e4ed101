namespace Specter.Klarna.Invoicing;

/// <summary>How shipping and fee lines are spread over the invoices of an order.</summary>
public enum ShippingPolicy
{
    /// <summary>Shipping and fees go in full on the first invoice that carries goods.</summary>
    FirstInvoice = 0,

    /// <summary>Shipping and fees are spread pro rata to the goods value of each invoice, exactly.</summary>
    ProRata = 1,
}
