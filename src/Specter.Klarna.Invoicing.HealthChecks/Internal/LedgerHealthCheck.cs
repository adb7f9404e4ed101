using Microsoft.Extensions.Diagnostics.HealthChecks;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.HealthChecks.Internal;

/// <summary>The ledger answers a point read (an invoice number no ERP uses): reachable, schema in place, credentials valid.</summary>
internal sealed class LedgerHealthCheck(IKlarnaInvoiceLedger ledger) : IHealthCheck
{
    internal const string ProbeInvoiceNumber = "klarna-invoicing-health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await ledger.FindAsync(ProbeInvoiceNumber, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The ledger answers.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The ledger cannot be read ({ex.GetType().Name}).", ex);
        }
    }
}
