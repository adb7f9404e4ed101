using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.DependencyInjection.Internal;

/// <summary>Settles pending and unknown activations on a schedule, each run in its own scope (the ledger may be scoped).</summary>
internal sealed partial class KlarnaRecoveryService(IServiceScopeFactory scopes, TimeProvider time, ILogger<KlarnaRecoveryService> logger, TimeSpan interval) : BackgroundService
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
                    var report = await scope.ServiceProvider.GetRequiredService<IKlarnaInvoicing>().RecoverAsync(stoppingToken).ConfigureAwait(false);
                    LogRun(logger, report.Examined, report.Settled.Count, report.StillUnsettled);
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

    [LoggerMessage(EventId = 2101, EventName = "RecoveryRun", Level = LogLevel.Information, Message = "Klarna recovery: examined {Examined}, settled {Settled}, still unsettled {StillUnsettled}")]
    private static partial void LogRun(ILogger logger, int examined, int settled, int stillUnsettled);

    [LoggerMessage(EventId = 2102, EventName = "RecoveryRunFailed", Level = LogLevel.Error, Message = "Klarna recovery run failed; it runs again on schedule")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
