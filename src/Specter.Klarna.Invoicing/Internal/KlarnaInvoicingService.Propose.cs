using System.Net;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<InvoiceProposal> ProposeAsync(InvoicingOrder order, InvoiceProposalRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var priced = OrderPricing.Price(order);
        ThrowIfUnknownMerchant(order);
        request ??= new InvoiceProposalRequest();

        var priorInvoices = await PriorInvoicesAsync(order.OrderNumber, request.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var priors = LedgerDocuments.PlansForPlanner(priorInvoices);
        var earlierInvoices = EarlierInvoices.From(priors);
        var decision = InvoiceTypeSelector.Decide(priced, earlierInvoices);
        var type = request.Type ?? decision.Proposed;

        var warnings = new List<ProposalWarning>();
        KlarnaOrder? klarnaOrder = null;
        if (order.KlarnaOrderId is { } klarnaOrderId)
        {
            try
            {
                klarnaOrder = await klarna.GetOrderAsync(order.Merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
                warnings.AddRange(ReservationChecks.Evaluate(order, klarnaOrder, type, IsPrepaymentEnabled(order.Merchant), time.GetUtcNow(), Options.ExpiryWarningDays));
            }
            catch (KlarnaApiException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // A configuration error, not an outage: creating would be refused the same way, so block now and say why.
                warnings.Add(ReservationChecks.CredentialsRefused(merchants.Resolve(order.Merchant).Name, (int)ex.StatusCode));
            }
            catch (Exception ex) when (ex is KlarnaApiException || (ActivationOutcomeClassifier.IsTransport(ex) && !cancellationToken.IsCancellationRequested))
            {
                // The dialog still shows the plan; creating the invoice re-reads Klarna and refuses if it must.
                warnings.Add(ReservationChecks.KlarnaUnavailable(ex is KlarnaApiException api ? api.Message : ActivationOutcomeClassifier.ToFailure(ex).ErrorMessages[0]));
            }
        }

        bool isPreview = string.IsNullOrWhiteSpace(request.InvoiceNumber);
        var outcome = InvoicePlanner.Plan(priced, earlierInvoices, new InvoicePlanRequest
        {
            InvoiceNumber = isPreview ? InvoiceProposal.PreviewInvoiceNumber : request.InvoiceNumber!,
            Type = request.Type,
            PrepaymentPercent = request.PrepaymentPercent,
            ShippingPolicy = Options.ShippingPolicy,
            Language = KlarnaLanguage(order),
        });

        if (outcome.Plan?.Capture is { } capture && klarnaOrder is not null && order.KlarnaOrderId is not null
            && capture.CapturedAmount.MinorUnits > klarnaOrder.RemainingAuthorizedAmount.MinorUnits
            && !warnings.Any(w => w.Code == ProposalWarningCode.CurrencyMismatch))
        {
            warnings.Add(ReservationChecks.ExceedsRemaining(capture.CapturedAmount, klarnaOrder.RemainingAuthorizedAmount, CreditedPrepayments.Of(priorInvoices, priced.Currency)));
        }

        if (outcome.Plan is { Type: InvoiceType.Final, Total.MinorUnits: > 0 } final && priced.Lines.Where(l => l.IsQuantityDriven).All(l => l.Line.DeliveredQuantity == 0))
        {
            warnings.Add(ReservationChecks.FinalCapturesUndelivered(final.Total));
        }

        if (outcome.Plan is { Capture: null } && order.KlarnaOrderId is not null)
        {
            // Nothing is sent to Klarna for an invoice that captures nothing: the reservation's state is shown but blocks nothing.
            warnings = [.. warnings.Select(w => w.Code is ProposalWarningCode.KlarnaCredentialsRefused or ProposalWarningCode.CurrencyMismatch ? w : w with { IsBlocking = false })];
        }

        if (outcome.Plan is { } closing && klarnaOrder is not null && Options.ReleaseRemainingAuthorizationAfterLastInvoice
            && !InvoiceTypeSelector.Decide(priced, EarlierInvoices.From([.. priors, closing])).HasSomethingToInvoice
            && priorInvoices.All(i => i.State is ActivationState.Activated or ActivationState.NotKlarna))
        {
            long closingCapture = closing.Capture?.CapturedAmount.MinorUnits ?? 0;
            long captured = priorInvoices.Where(i => i.State == ActivationState.Activated).Sum(i => i.Plan.Capture?.CapturedAmount.MinorUnits ?? 0);
            var (stillReserved, safe) = ReleaseRule.Decide(klarnaOrder, priors.Sum(p => p.Total.MinorUnits) + closing.Total.MinorUnits, captured, closingCapture);
            if (stillReserved > 0 && !safe)
            {
                warnings.Add(ReleaseRule.StillReserved(priced.ToMoney(stillReserved), klarnaOrder.OrderId));
            }
        }

        var isKlarna = order.KlarnaOrderId is not null;
        return new InvoiceProposal
        {
            OrderNumber = order.OrderNumber,
            IsPreview = isPreview,
            Decision = outcome.Decision,
            Plan = outcome.Plan,
            Violations = outcome.Violations,
            Warnings = warnings,
            DeliveryCount = DeliveryCount(priors, outcome.Decision),
            KlarnaOrderId = order.KlarnaOrderId,
            Reservation = klarnaOrder,
            PrintByDefault = !isKlarna,
            EmailByDefault = !isKlarna,
        };
    }

    private static int DeliveryCount(IReadOnlyList<InvoicePlan> priors, InvoiceTypeDecision decision) =>
        priors.Count(p => p.Type == InvoiceType.Delivery) + (decision.Reason == InvoiceTypeReason.DeliveredNotInvoiced ? 1 : 0);
}
