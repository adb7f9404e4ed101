using Spectre.Console;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>
/// Progress of <c>recover</c>: a spinner with the number of open activations on a terminal; one plain line on stderr when
/// redirected; nothing with <c>--json</c> when redirected. (The library settles the whole batch in one call, so the
/// spinner shows the work ahead and the time spent, not a per-invoice count.)
/// </summary>
internal static class RecoveryProgress
{
    public static async Task<RecoveryReport> RunAsync(CliContext context, CliSettings settings, int open, Func<Task<RecoveryReport>> recover)
    {
        string what = settings.T($"Stämmer av {open} oavgjorda aktiveringar", $"Settling {open} unsettled activations");
        if (!context.Terminal.ErrorIsTerminal)
        {
            if (!settings.Json)
            {
                await context.Error.WriteLineAsync(what + " …").ConfigureAwait(false);
            }

            return await recover().ConfigureAwait(false);
        }

        var console = ConsoleFactory.Create(context.Error, isTerminal: true, context.Terminal.Width, context.Environment);
        var started = TimeProvider.System.GetTimestamp();
        return await console.Status().StartAsync(Markup.Escape(what + " …"), async status =>
        {
            var work = recover();
            while (await Task.WhenAny(work, Task.Delay(250, CancellationToken.None)).ConfigureAwait(false) != work)
            {
                status.Status = Markup.Escape($"{what} … {TimeProvider.System.GetElapsedTime(started):mm\\:ss}");
            }

            return await work.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
