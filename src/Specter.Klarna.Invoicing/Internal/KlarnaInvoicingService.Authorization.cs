using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<KlarnaOrder> UpdateReservationAsync(InvoicingOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ThrowIfUnknownMerchant(order);
        var klarnaOrderId = order.KlarnaOrderId ?? throw new ArgumentException("The order has no Klarna reservation to update.", nameof(order));

        // The whole order as Klarna's lines (the same line builder as captures): Klarna deletes the old lines when none are sent.
        var whole = order with { Lines = [.. order.Lines.Select(l => l with { DeliveredQuantity = 0 })] };
        var outcome = InvoicePlanner.Plan(OrderPricing.Price(whole), EarlierInvoices.From([]), new InvoicePlanRequest
        {
            InvoiceNumber = "RESERVATION",
            Type = InvoiceType.Final,
            ShippingPolicy = Options.ShippingPolicy,
            Language = KlarnaLanguage(order),
        });
        var capture = outcome.Plan?.Capture ?? throw new KlarnaInvoicingRuleException(outcome.Violations.Count > 0 ? outcome.Violations[0] : NothingToInvoice);
        // A refund does not give authorization back: what Klarna refunded was captured once and stays counted in order_amount.
        var current = await klarna.GetOrderAsync(order.Merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
        List<KlarnaOrderLine> lines = [.. capture.Lines.Select(CaptureRequestMapper.ToOrderLine)];
        if (current.RefundedAmount.MinorUnits > 0)
        {
            lines.Add(new KlarnaOrderLine
            {
                Type = "surcharge",
                Name = Resources.KlarnaTexts.Format("Line_Refunded", KlarnaLanguage(order)),
                Quantity = 1,
                UnitPrice = current.RefundedAmount.MinorUnits,
                TaxRate = 0,
                TotalAmount = current.RefundedAmount.MinorUnits,
                TotalTaxAmount = 0,
            });
        }

        var request = new KlarnaUpdateAuthorizationRequest
        {
            OrderAmount = capture.CapturedAmount.MinorUnits + current.RefundedAmount.MinorUnits,
            OrderLines = lines,
        };

        // One key per new content: a repeat of the same update is answered from Klarna's idempotency store, never applied twice.
        var hash = IdempotencyKeys.Sha256Hex(KlarnaRequestBodies.UpdateAuthorization(request));
        var key = IdempotencyKeys.ForOrderOperation(Options.IdempotencyNamespace, klarnaOrderId, "update-authorization", hash);
        await klarna.UpdateAuthorizationAsync(order.Merchant, klarnaOrderId, request, key, cancellationToken).ConfigureAwait(false);
        return await klarna.GetOrderAsync(order.Merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
    }
}
