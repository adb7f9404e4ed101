using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.DependencyInjection.Internal;

/// <summary>Imports the payouts of the last <see cref="KlarnaPaymentMarkingOptions.ImportLookback"/> on a schedule, each run in its own scope.</summary>
internal sealed partial class KlarnaPayoutImportService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<KlarnaPaymentMarkingOptions> options,
    ILogger<KlarnaPayoutImportService> logger,
    TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var now = time.GetUtcNow();
                    var results = await scope.ServiceProvider.GetRequiredService<IKlarnaPaymentMarking>()
                        .ImportPayoutsAsync(now - options.Value.ImportLookback, now, options.Value.Merchant, stoppingToken).ConfigureAwait(false);
                    var newMarkings = results.Sum(r => r.NewMarkings.Count);
                    var unbalanced = results.Count(r => !r.Reconciliation.IsBalanced);
                    LogRun(logger, results.Count, newMarkings, unbalanced);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // One failed run (database or Klarna down) must not stop the schedule.
                LogRunFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 2201, EventName = "PayoutImportRun", Level = LogLevel.Information, Message = "Klarna payout import: {Payouts} payouts, {NewMarkings} new markings, {Unbalanced} not balanced")]
    private static partial void LogRun(ILogger logger, int payouts, int newMarkings, int unbalanced);

    [LoggerMessage(EventId = 2202, EventName = "PayoutImportRunFailed", Level = LogLevel.Error, Message = "Klarna payout import failed; it runs again on schedule")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
