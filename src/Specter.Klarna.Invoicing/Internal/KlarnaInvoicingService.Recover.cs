using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public async Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken = default)
    {
        using var activity = InvoicingTelemetry.Source.StartActivity("klarna_invoicing.recover");
        var scan = await ledger.ListUnsettledAsync(cancellationToken).ConfigureAwait(false);
        var settled = new List<InvoiceActivationStatus>();
        var errors = new List<RecoveryError>();
        int still = scan.Unreadable.Count;

        foreach (var row in scan.Unreadable)
        {
            // A row this version cannot read (a newer version's state, bad JSON) is reported, never guessed at; the rest is settled.
            InvoicingLog.UnreadableRow(logger, row.InvoiceNumber, row.Reason);
            exactlyOnceMetrics.UnreadableRows.Add(1);
            errors.Add(new RecoveryError(row.InvoiceNumber, "unreadable ledger row: " + row.Reason));
        }

        foreach (var invoice in scan.Invoices)
        {
            LedgerInvoice after;
            try
            {
                after = await engine.SettleAsync(invoice, invoice.DocumentKind == LedgerDocumentKind.Credit ? refunds : captures, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One invoice that cannot be settled now must not keep recovery from settling the others.
                InvoicingLog.RecoveryFailed(logger, invoice.InvoiceNumber, ex);
                if (ex is KlarnaLedgerRowException)
                {
                    exactlyOnceMetrics.UnreadableRows.Add(1);
                }

                errors.Add(new RecoveryError(invoice.InvoiceNumber, ex.Message));
                still++;
                continue;
            }

            if (after.IsUnsettled)
            {
                still++;
            }

            if (after.State != invoice.State)
            {
                if (after.State == ActivationState.Activated)
                {
                    await ReleaseAfterRecoveryAsync(after, cancellationToken).ConfigureAwait(false);
                }

                settled.Add(StatusOf(after));
                telemetry.Record(after.State, after.Plan.Capture?.CapturedAmount, TimeSpan.Zero);
            }
        }

        return new RecoveryReport { Examined = scan.Invoices.Count + scan.Unreadable.Count, Settled = settled, StillUnsettled = still, Errors = errors };
    }
}
