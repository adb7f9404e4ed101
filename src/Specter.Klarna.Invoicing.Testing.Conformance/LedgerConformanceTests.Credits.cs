using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing.Internal;
using Xunit;

namespace Specter.Klarna.Invoicing.Testing;

/// <content>Credit invoices: stored in the same rows as invoices, and held by the same one-unsettled-write-per-Klarna-order rule.</content>
public abstract partial class LedgerConformanceTests
{
    /// <summary>A credit invoice's document kind and credited invoice number read back verbatim from every read, and survive an update.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task CreditInvoiceReadsBackVerbatim()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        var credit = LedgerSamples.Rich(Number("K-Å"), Order(), KlarnaOrder(), ActivationState.Pending) with
        {
            DocumentKind = LedgerDocumentKind.Credit,
            CreditedInvoiceNumber = Number("F-åäö-1"),
        };

        var added = await AddAsync(ledger, credit).ConfigureAwait(false);

        AssertSameContent(credit, await ledger.FindAsync(credit.InvoiceNumber).ConfigureAwait(false));
        AssertSameContent(credit, Assert.Single(await ledger.GetByOrderAsync(credit.OrderNumber).ConfigureAwait(false)));
        AssertSameContent(credit, Assert.Single((await ledger.ListUnsettledAsync().ConfigureAwait(false)).Invoices.Where(IsMine)));
        var refunded = credit with { State = ActivationState.Activated, CaptureId = "refund-1" };
        Assert.NotNull(await ledger.TryUpdateAsync(refunded, added.Version).ConfigureAwait(false));
        AssertSameContent(refunded, await ledger.FindAsync(credit.InvoiceNumber).ConfigureAwait(false));
    }

    /// <summary>An invoice added without a document kind reads back as an invoice with no credited invoice.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task InvoiceReadsBackAsInvoiceKind()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        await AddAsync(ledger, LedgerSamples.Minimal(Number("1"), Order(), KlarnaOrder(), ActivationState.Activated)).ConfigureAwait(false);

        var read = await ledger.FindAsync(Number("1")).ConfigureAwait(false);

        Assert.Equal(LedgerDocumentKind.Invoice, read!.DocumentKind);
        Assert.Null(read.CreditedInvoiceNumber);
    }

    /// <summary>A pending refund holds the Klarna order's one unsettled slot against captures, and a pending capture holds it against refunds.</summary>
    /// <returns>A task.</returns>
    [LedgerFact]
    public async Task RefundsAndCapturesShareTheUnsettledSlot()
    {
        var ledger = await LedgerAsync().ConfigureAwait(false);
        string k = KlarnaOrder();
        var credit = LedgerSamples.Minimal(Number("K1"), Order(), k, ActivationState.Pending) with { DocumentKind = LedgerDocumentKind.Credit, CreditedInvoiceNumber = Number("1") };
        var pendingCredit = await AddAsync(ledger, credit).ConfigureAwait(false);

        var capture = await ledger.TryAddAsync(LedgerSamples.Minimal(Number("2"), Order(), k, ActivationState.Pending)).ConfigureAwait(false);
        Assert.Equal(LedgerAddStatus.KlarnaOrderHasUnsettledCapture, capture.Status);

        Assert.NotNull(await ledger.TryUpdateAsync(pendingCredit with { State = ActivationState.Activated }, pendingCredit.Version).ConfigureAwait(false));
        await AddAsync(ledger, LedgerSamples.Minimal(Number("2"), Order(), k, ActivationState.Pending)).ConfigureAwait(false);

        var second = await ledger.TryAddAsync(credit with { InvoiceNumber = Number("K2") }).ConfigureAwait(false);
        Assert.Equal(LedgerAddStatus.KlarnaOrderHasUnsettledCapture, second.Status);
    }
}
