using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Credit.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Credit invoices: planned by the pure credit math, refunded exactly once through the same engine as captures.</summary>
internal sealed partial class KlarnaInvoicingService
{
    public async Task<CreditProposal> ProposeCreditAsync(CreditProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InvoiceNumber, nameof(request) + "." + nameof(request.InvoiceNumber));
        var context = await ReadCreditContextAsync(request.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var currency = context.Invoice.Plan.Total.Currency;
        if (context.WhyNotCreditable() is { } refused)
        {
            return new CreditProposal { InvoiceNumber = request.InvoiceNumber, LeftOnInvoice = new Money(0, currency), Violations = [refused] };
        }

        var outcome = CreditCalculator.Plan(context.Input(InvoiceProposal.PreviewInvoiceNumber, null, request.Lines, request.Amounts, request.ReturnFee, KlarnaLanguage(context.Invoice)));
        long? leftOnOrder = context.Refunds ? context.LeftOnOrder - (outcome.Plan?.Total.MinorUnits ?? 0) : null;
        return new CreditProposal
        {
            InvoiceNumber = request.InvoiceNumber,
            Plan = outcome.Plan,
            RefundedPerVatRate = outcome.PerVatRate,
            LeftOnInvoice = new Money(outcome.LeftOnInvoice, currency),
            LeftOnOrder = leftOnOrder is { } left ? new Money(left, currency) : null,
            Violations = outcome.Violations,
        };
    }

    public async Task<CreditResult> CreateCreditAsync(CreateCreditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InvoiceNumber, nameof(request) + "." + nameof(request.InvoiceNumber));
        if (InvoiceRequestRules.CheckInvoiceNumber(request.CreditNumber) is { } badNumber)
        {
            throw new KlarnaInvoicingRuleException(badNumber);
        }

        if (InvoiceRequestRules.CheckDescription(request.Description) is { } badDescription)
        {
            throw new KlarnaInvoicingRuleException(badDescription);
        }

        if (string.Equals(request.CreditNumber, request.InvoiceNumber, StringComparison.Ordinal))
        {
            throw new KlarnaInvoicingRuleException(CreditViolations.CreditNumberIsInvoice(request.CreditNumber));
        }

        if (await ledger.FindAsync(request.CreditNumber, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw new KlarnaInvoicingRuleException(await DuplicateViolationAsync(existing.InvoiceNumber, cancellationToken).ConfigureAwait(false));
        }

        var context = await ReadCreditContextAsync(request.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        if (context.WhyNotCreditable() is { } refused)
        {
            throw new KlarnaInvoicingRuleException(refused);
        }

        var outcome = CreditCalculator.Plan(context.Input(request.CreditNumber, request.Description, request.Lines, request.Amounts, request.ReturnFee, KlarnaLanguage(context.Invoice)));
        if (!outcome.IsAllowed)
        {
            throw new KlarnaInvoicingRuleException(outcome.Violations[0]);
        }

        var stored = await RecordCreditAsync(context, outcome.Plan!, cancellationToken).ConfigureAwait(false);
        if (stored.State == ActivationState.Pending && await refunds.WhyNotSendAsync(stored, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Another credit or invoice of the order settled between the read and the record: this plan may credit twice.
            await engine.TakeBackUnsentAsync(stored, null).ConfigureAwait(false);
            throw new KlarnaInvoicingRuleException(RuleViolations.OrderChangedMeanwhile(stored.OrderNumber));
        }

        var settled = stored.State == ActivationState.Pending
            ? await engine.SendFirstAsync(stored, refunds, cancellationToken).ConfigureAwait(false)
            : stored;
        InvoicingLog.Credited(logger, settled.InvoiceNumber, request.InvoiceNumber, settled.State, settled.Plan.Total.MinorUnits);
        return new CreditResult { Plan = settled.Plan, Status = StatusOf(settled) };
    }

    /// <summary>The merchant profile's language for texts sent to Klarna (Swedish when the profile names none).</summary>
    private System.Globalization.CultureInfo KlarnaLanguage(LedgerInvoice invoice) =>
        invoice.KlarnaOrderId is not null && Options.Merchants.TryGetValue(merchants.Resolve(invoice.Merchant).Name, out var profile)
            ? System.Globalization.CultureInfo.GetCultureInfo(profile.Language)
            : Resources.KlarnaTexts.Default;

    private async Task<CreditContext> ReadCreditContextAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        var invoice = await ledger.FindAsync(invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KlarnaInvoicingRuleException(RuleViolations.InvoiceNotFound(invoiceNumber));
        var rows = await ledger.GetByOrderAsync(invoice.OrderNumber, cancellationToken).ConfigureAwait(false);
        bool captured = invoice.KlarnaOrderId is not null && invoice.State == ActivationState.Activated && invoice.DocumentKind == LedgerDocumentKind.Invoice;
        var klarnaOrder = captured ? await klarna.GetOrderAsync(invoice.Merchant, invoice.KlarnaOrderId!, cancellationToken).ConfigureAwait(false) : null;
        return new CreditContext(invoice, rows, klarnaOrder);
    }

    private async Task<LedgerInvoice> RecordCreditAsync(CreditContext context, InvoicePlan plan, CancellationToken cancellationToken)
    {
        var invoice = context.Invoice;
        var draft = new LedgerInvoice
        {
            InvoiceNumber = plan.InvoiceNumber,
            OrderNumber = invoice.OrderNumber,
            Merchant = invoice.Merchant,
            KlarnaOrderId = invoice.KlarnaOrderId,
            Plan = plan,
            State = ActivationState.NotKlarna,
            DocumentKind = LedgerDocumentKind.Credit,
            CreditedInvoiceNumber = invoice.InvoiceNumber,
            PlannedFrom = PlanFingerprint.Of(context.OrderRows),
            CreatedAt = default,
            UpdatedAt = default,
        };

        // The key and the exact bytes are stored before the first send: a retry after a crash re-sends these, never others.
        ReadOnlyMemory<byte>? body = plan.Capture is { } refund && context.Refunds
            ? KlarnaRequestBodies.Refund(new KlarnaRefundRequest
            {
                RefundedAmount = refund.CapturedAmount.MinorUnits,
                Reference = refund.Reference,
                Description = refund.Description,
                OrderLines = [.. refund.Lines.Select(CaptureRequestMapper.ToOrderLine)],
            })
            : null;
        var added = await engine.RecordAsync(draft, refunds, body, Options.IdempotencyNamespace, null, cancellationToken).ConfigureAwait(false);
        return added.Status switch
        {
            LedgerAddStatus.Added => added.Stored ?? throw new InvalidOperationException($"The ledger added credit {plan.InvoiceNumber} but returned no stored record."),
            LedgerAddStatus.KlarnaOrderHasUnsettledCapture => throw new KlarnaInvoicingRuleException(RuleViolations.ActivationInProgress(invoice.KlarnaOrderId ?? plan.InvoiceNumber)),
            _ => throw new KlarnaInvoicingRuleException(await DuplicateViolationAsync(plan.InvoiceNumber, cancellationToken).ConfigureAwait(false)),
        };
    }
}
