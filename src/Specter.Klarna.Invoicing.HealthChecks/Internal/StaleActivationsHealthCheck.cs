using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.HealthChecks.Internal;

/// <summary>
/// Degraded when activations stay Pending/Unknown (money possibly captured, invoice not settled) longer than the threshold
/// since their last change: recovery is not running or cannot reach Klarna. Data: the count and the oldest invoice.
/// </summary>
internal sealed class StaleActivationsHealthCheck(IKlarnaInvoiceLedger ledger, TimeProvider time, TimeSpan threshold) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        LedgerUnsettledScan scan;
        try
        {
            scan = await ledger.ListUnsettledAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The ledger cannot be read ({ex.GetType().Name}).", ex);
        }

        var unsettled = scan.Invoices;
        var now = time.GetUtcNow();
        var stale = unsettled.Where(i => i.IsUnsettled && now - i.UpdatedAt > threshold).OrderBy(i => i.UpdatedAt).ToList();
        var data = new Dictionary<string, object>
        {
            ["unsettled"] = unsettled.Count,
            ["stale"] = stale.Count,
            ["thresholdSeconds"] = threshold.TotalSeconds,
            ["unreadable"] = scan.Unreadable.Count,
        };
        if (scan.Unreadable.Count > 0)
        {
            // A row recovery cannot read is an activation nobody can settle until someone looks at it.
            return HealthCheckResult.Degraded($"{scan.Unreadable.Count} unsettled ledger row(s) cannot be read; recovery skips them until they are repaired.", data: data);
        }
        if (stale.Count == 0)
        {
            return HealthCheckResult.Healthy($"{unsettled.Count} activation(s) open, none for longer than {Describe(threshold)}.", data);
        }

        var oldest = stale[0];
        data["oldestInvoiceNumber"] = oldest.InvoiceNumber;
        data["oldestState"] = oldest.State.ToString();
        data["oldestSince"] = oldest.UpdatedAt;
        return HealthCheckResult.Degraded(
            $"{stale.Count} activation(s) Pending/Unknown for longer than {Describe(threshold)}; the oldest is invoice {oldest.InvoiceNumber} ({oldest.State} since "
            + $"{oldest.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}). Is recovery running?",
            data: data);
    }

    private static string Describe(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
