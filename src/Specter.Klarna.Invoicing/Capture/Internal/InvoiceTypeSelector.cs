using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Proposes the invoice type from what is delivered and what is already invoiced.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Goods or services delivered and not invoiced: <see cref="InvoiceType.Delivery"/>; <see cref="InvoiceType.Final"/> is also
/// allowed (it invoices the undelivered rest too, to close the order). A prepayment is not offered: what is delivered should be invoiced.</item>
/// <item>Nothing delivered-and-uninvoiced but something left: <see cref="InvoiceType.Final"/>; <see cref="InvoiceType.Prepayment"/>
/// is also allowed while part of the order total is neither invoiced nor prepaid.</item>
/// <item>Everything invoiced: no type, reason <see cref="InvoiceTypeReason.FullyInvoiced"/>.</item>
/// </list>
/// </remarks>
internal static class InvoiceTypeSelector
{
    /// <exception cref="InvoicingOrderValidationException">The order is invalid.</exception>
    public static InvoiceTypeDecision Decide(InvoicingOrder order, IReadOnlyList<InvoicePlan> priorInvoices) =>
        Decide(OrderPricing.Price(order), EarlierInvoices.From(priorInvoices));

    internal static InvoiceTypeDecision Decide(PricedOrder order, EarlierInvoices earlier)
    {
        bool remainder = false;
        foreach (ref readonly var l in order.LineSpan)
        {
            var tally = earlier.For(l.Line.LineId);
            if (l.IsQuantityDriven && l.Line.DeliveredQuantity > tally.Quantity)
            {
                return new(InvoiceType.Delivery, InvoiceTypeReason.DeliveredNotInvoiced, [InvoiceType.Delivery, InvoiceType.Final]);
            }

            remainder |= l.IsQuantityDriven ? tally.Quantity < l.Line.Quantity : tally.Amount != l.Total || tally.Quantity < l.Line.Quantity;
        }

        if (!remainder)
        {
            return new(null, InvoiceTypeReason.FullyInvoiced, []);
        }

        bool prepayable = order.Total - earlier.InvoicedTotal > 0;
        return new(InvoiceType.Final, InvoiceTypeReason.NothingDeliveredRemainderOpen, prepayable ? [InvoiceType.Final, InvoiceType.Prepayment] : [InvoiceType.Final]);
    }
}
