using Specter.Klarna.Invoicing.Activation.Internal;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<InvoiceResult> CreateInvoiceAsync(InvoicingOrder order, CreateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.InvoiceNumber, nameof(request) + "." + nameof(request.InvoiceNumber));
        InvoiceRequestRules.ThrowIfInvalid(request.InvoiceNumber, request.Type, request.PrepaymentPercent);
        if (InvoiceRequestRules.CheckDescription(request.Description) is { } badDescription)
        {
            throw new KlarnaInvoicingRuleException(badDescription);
        }

        var priced = OrderPricing.Price(order);
        ThrowIfUnknownMerchant(order);

        var existing = await ledger.FindAsync(request.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            throw new KlarnaInvoicingRuleException(existing.State switch
            {
                ActivationState.Activated => InvoiceLockRules.Check(existing.State, InvoiceAction.Activate)!,
                ActivationState.Pending or ActivationState.Unknown => RuleViolations.ActivationInProgress(request.InvoiceNumber),
                _ => RuleViolations.InvoiceNumberInUse(request.InvoiceNumber),
            });
        }

        try
        {
            return await PlanAndActivateAsync(priced, request.InvoiceNumber, request.Type, request.PrepaymentPercent, request.Description, existing: null, cancellationToken).ConfigureAwait(false);
        }
        catch (KlarnaInvoicingRuleException ex) when (ex.Rule is not (KlarnaInvoicingRule.ActivationInProgress or KlarnaInvoicingRule.InvoiceLocked))
        {
            // A concurrent call for the same invoice may have got there first (its capture is why the order now looks captured): say so.
            if (await ledger.FindAsync(request.InvoiceNumber, CancellationToken.None).ConfigureAwait(false) is null)
            {
                throw;
            }

            throw new KlarnaInvoicingRuleException(await DuplicateViolationAsync(request.InvoiceNumber, CancellationToken.None).ConfigureAwait(false));
        }
    }

    public async Task<InvoiceResult> RetryActivationAsync(InvoicingOrder order, string invoiceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var priced = OrderPricing.Price(order);
        ThrowIfUnknownMerchant(order);

        var existing = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KlarnaInvoicingRuleException(RuleViolations.InvoiceNotFound(invoiceNumber));
        if (existing.DocumentKind == LedgerDocumentKind.Credit)
        {
            // A failed refund is not re-planned as an invoice: abandon it and create the credit again.
            throw new KlarnaInvoicingRuleException(Credit.Internal.CreditViolations.CreditOfCredit(invoiceNumber));
        }

        if (existing.State != ActivationState.Failed)
        {
            throw new KlarnaInvoicingRuleException(RuleViolations.RetryNeedsFailed(invoiceNumber, existing.State));
        }

        if (!string.Equals(existing.OrderNumber, order.OrderNumber, StringComparison.Ordinal)
            || !string.Equals(existing.KlarnaOrderId, order.KlarnaOrderId, StringComparison.Ordinal)
            || !string.Equals(existing.Merchant, order.Merchant, StringComparison.Ordinal))
        {
            throw new KlarnaInvoicingRuleException(RuleViolations.InvoiceBelongsToAnotherOrder(invoiceNumber, existing.OrderNumber, existing.KlarnaOrderId));
        }

        // A failed record is not proof enough for a new key: if Klarna holds a capture with this reference, that is what happened.
        if (existing.KlarnaOrderId is not null && existing.Plan.Capture is not null
            && await captures.FindAtKlarnaAsync(existing, cancellationToken).ConfigureAwait(false) is { } found)
        {
            if (!found.MatchesAmount)
            {
                throw new KlarnaInvoicingRuleException(RuleViolations.AlreadyCapturedAtKlarna(invoiceNumber, found.Id, new Money(found.Amount, existing.Plan.Total.Currency)));
            }

            var healed = await engine.RecordFoundAsync(existing, found).ConfigureAwait(false);
            return new InvoiceResult { Plan = healed.Plan, Status = StatusOf(healed) };
        }

        return await PlanAndActivateAsync(priced, invoiceNumber, existing.Plan.Type, existing.Plan.PrepaymentPercent, existing.Plan.Capture?.Description, existing, cancellationToken).ConfigureAwait(false);
    }

    // The order arrives validated and priced once by the caller; every step below (type decision, plan, release check) reuses those prices.
    private async Task<InvoiceResult> PlanAndActivateAsync(
        PricedOrder priced, string invoiceNumber, InvoiceType? type, decimal? percent, string? description, LedgerInvoice? existing, CancellationToken cancellationToken)
    {
        var order = priced.Order;
        using var activity = InvoicingTelemetry.Source.StartActivity("klarna_invoicing.create_invoice");
        activity?.SetTag("klarna_invoicing.invoice_number", invoiceNumber);
        activity?.SetTag("klarna.order_id", order.KlarnaOrderId);
        var started = time.GetTimestamp();

        var priorInvoices = await PriorInvoicesAsync(order.OrderNumber, invoiceNumber, cancellationToken).ConfigureAwait(false);
        var priors = LedgerDocuments.PlansForPlanner(priorInvoices);

        // Later invoices net prepayments off as if they were paid: with one failed, they would leave Klarna short of the order.
        if (priorInvoices.FirstOrDefault(i => i.DocumentKind == LedgerDocumentKind.Invoice && i.State == ActivationState.Failed && i.Plan.Type == InvoiceType.Prepayment) is { } failedPrepayment)
        {
            throw new KlarnaInvoicingRuleException(RuleViolations.PrepaymentNotSettled(failedPrepayment.InvoiceNumber, order.OrderNumber));
        }

        var earlierInvoices = EarlierInvoices.From(priors);
        if (!InvoiceTypeSelector.Decide(priced, earlierInvoices).HasSomethingToInvoice)
        {
            throw new KlarnaInvoicingRuleException(NothingToInvoice);
        }

        KlarnaOrder? klarnaOrder = null;
        ProposalWarning? blocking = null;
        if (order.KlarnaOrderId is { } klarnaOrderId)
        {
            klarnaOrder = await klarna.GetOrderAsync(order.Merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
            blocking = ReservationChecks.Evaluate(order, klarnaOrder, type, IsPrepaymentEnabled(order.Merchant), time.GetUtcNow(), Options.ExpiryWarningDays)
                .FirstOrDefault(w => w.IsBlocking);
        }

        var outcome = InvoicePlanner.Plan(priced, earlierInvoices, new InvoicePlanRequest
        {
            InvoiceNumber = invoiceNumber,
            Type = type,
            PrepaymentPercent = percent,
            Description = description,
            ShippingPolicy = Options.ShippingPolicy,
            Language = KlarnaLanguage(order),
            AuthorizedLimit = klarnaOrder is null || blocking is not null ? null : priced.ToMoney(klarnaOrder.RemainingAuthorizedAmount.MinorUnits),
        });

        // A request the planner refuses (nothing left to prepay, a type not allowed) is refused for that reason first.
        if (!outcome.IsAllowed)
        {
            // Above the authorization because a prepayment was refunded: say so, and what to do (docs/corrections.md).
            if (outcome.Violations is [{ Rule: KlarnaInvoicingRule.ExceedsAuthorizedAmount, Arguments: [Money total, Money limit, ..] }, ..]
                && CreditedPrepayments.Of(priorInvoices, priced.Currency) is { IsEmpty: false } credited)
            {
                throw new KlarnaInvoicingRuleException(RuleViolations.FromWarning(ReservationChecks.ExceedsRemaining(total, limit, credited)));
            }

            throw new KlarnaInvoicingRuleException(outcome.Violations.Count > 0 ? outcome.Violations[0] : NothingToInvoice);
        }

        // An invoice that captures nothing sends nothing, so the reservation's state (fully captured, closed, expired) cannot stop it.
        if (blocking is not null && outcome.Plan!.Capture is not null)
        {
            throw new KlarnaInvoicingRuleException(RuleViolations.FromWarning(blocking));
        }

        var plan = outcome.Plan! with
        {
            CompletesOrder = !InvoiceTypeSelector.Decide(priced, EarlierInvoices.From([.. priors, outcome.Plan!])).HasSomethingToInvoice,
        };
        InvoicingLog.InvoiceTypeChosen(logger, order.OrderNumber, invoiceNumber, plan.Type, outcome.Decision.Reason, plan.Total.MinorUnits, plan.Total.Currency.Code);

        // The key and the exact bytes are stored before the first send: a retry after a crash re-sends these, never others.
        // Typed null: a bare null would convert to an EMPTY body (ReadOnlyMemory's implicit conversion from a null array) and be sent.
        ReadOnlyMemory<byte>? body = plan.Capture is { } capture && order.KlarnaOrderId is not null
            ? Klarna.Internal.KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(capture))
            : (ReadOnlyMemory<byte>?)null;
        var stored = await RecordIntentAsync(order, plan, body, existing, PlanFingerprint.Of(priorInvoices), cancellationToken).ConfigureAwait(false);
        if (stored.State == ActivationState.Pending)
        {
            await ThrowIfOrderChangedMeanwhileAsync(order, stored, existing, cancellationToken).ConfigureAwait(false);
        }

        // The first send uses the bytes still in hand (hashed once, into the key), not the stored text re-encoded.
        var settled = stored.State != ActivationState.Pending ? stored
            : body is { } recordedBody ? await engine.SendFirstAsync(stored, captures, recordedBody, cancellationToken).ConfigureAwait(false)
            : await engine.SendFirstAsync(stored, captures, cancellationToken).ConfigureAwait(false);

        var (released, warnings) = settled.State is ActivationState.Activated or ActivationState.NotKlarna && klarnaOrder is not null
            ? await ReleaseIfLastInvoiceAsync(order.Merchant, order.OrderNumber, [.. priorInvoices, settled], klarnaOrder, plan.Capture?.CapturedAmount.MinorUnits ?? 0, plan.InvoiceNumber, cancellationToken).ConfigureAwait(false)
            : (false, []);

        telemetry.Record(settled.State, plan.Capture?.CapturedAmount, time.GetElapsedTime(started));
        activity?.SetTag("klarna_invoicing.state", settled.State.ToString());
        return new InvoiceResult { Plan = plan, Status = StatusOf(settled), RemainingAuthorizationReleased = released, Warnings = warnings };
    }

    /// <summary>
    /// The plan was made from the invoices read before this one was recorded. Recording it took the order's single
    /// unsettled slot, so from now on no other invoice can start capturing; but one may have been created and settled
    /// between the read and the record. Then the plan is stale (it could invoice the same goods twice): undo, refuse.
    /// Recovery makes the same check (<see cref="CaptureWrite.WhyNotSendAsync"/>) before it sends an intent whose process died.
    /// </summary>
    private async Task ThrowIfOrderChangedMeanwhileAsync(InvoicingOrder order, LedgerInvoice stored, LedgerInvoice? existing, CancellationToken cancellationToken)
    {
        if (await captures.WhyNotSendAsync(stored, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        // Nothing was sent under this intent yet, so taking it back is safe.
        await engine.TakeBackUnsentAsync(stored, existing).ConfigureAwait(false);
        throw new KlarnaInvoicingRuleException(RuleViolations.OrderChangedMeanwhile(order.OrderNumber));
    }

    private static KlarnaInvoicingRuleViolation NothingToInvoice { get; } =
        new(KlarnaInvoicingRule.NothingToInvoice, "Rule_NothingLeftToInvoice", []);

    private async Task<LedgerInvoice> RecordIntentAsync(
        InvoicingOrder order, InvoicePlan plan, ReadOnlyMemory<byte>? body, LedgerInvoice? existing, string plannedFrom, CancellationToken cancellationToken)
    {
        var draft = new LedgerInvoice
        {
            InvoiceNumber = plan.InvoiceNumber,
            OrderNumber = order.OrderNumber,
            Merchant = order.Merchant,
            KlarnaOrderId = order.KlarnaOrderId,
            Plan = plan,
            State = ActivationState.NotKlarna,
            PlannedFrom = plannedFrom,
            CreatedAt = default,
            UpdatedAt = default,
        };

        var added = await engine.RecordAsync(draft, captures, body, Options.IdempotencyNamespace, existing, cancellationToken).ConfigureAwait(false);
        return added.Status switch
        {
            LedgerAddStatus.Added => added.Stored ?? throw new InvalidOperationException($"The ledger added invoice {plan.InvoiceNumber} but returned no stored record."),
            LedgerAddStatus.KlarnaOrderHasUnsettledCapture => throw new KlarnaInvoicingRuleException(RuleViolations.ActivationInProgress(order.KlarnaOrderId ?? plan.InvoiceNumber)),
            _ => throw new KlarnaInvoicingRuleException(await DuplicateViolationAsync(plan.InvoiceNumber, cancellationToken).ConfigureAwait(false)),
        };
    }

    private async Task<KlarnaInvoicingRuleViolation> DuplicateViolationAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        // Lost a race with a concurrent call for the same invoice: tell the caller what that call is doing.
        var winner = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false);
        return winner?.State switch
        {
            ActivationState.Pending or ActivationState.Unknown => RuleViolations.ActivationInProgress(invoiceNumber),
            ActivationState.Activated => InvoiceLockRules.Check(ActivationState.Activated, InvoiceAction.Activate)!,
            _ => RuleViolations.InvoiceNumberInUse(invoiceNumber),
        };
    }
}
