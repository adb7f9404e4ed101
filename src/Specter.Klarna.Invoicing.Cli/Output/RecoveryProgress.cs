using Spectre.Console;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>
/// Progress of <c>recover</c> as done/total, like invoice-all: a live bar on a terminal (stderr), plain lines when
/// redirected, nothing with <c>--json</c> when redirected. The library settles the batch in one call, so "done" is read
/// from the ledger while it works: the activations no longer pending or unknown.
/// </summary>
internal static class RecoveryProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<RecoveryReport> RunAsync(CliContext context, CliSettings settings, int open, Func<Task<int>> countOpen, Func<Task<RecoveryReport>> recover)
    {
        string what = settings.T($"Stämmer av {open} oavgjorda aktiveringar", $"Settling {open} unsettled activations");
        if (!context.Terminal.ErrorIsTerminal)
        {
            return settings.Json ? await recover().ConfigureAwait(false) : await PlainAsync(context, settings, what, open, countOpen, recover).ConfigureAwait(false);
        }

        var console = ConsoleFactory.Create(context.Error, isTerminal: true, context.Terminal.Width, context.Environment);
        RecoveryReport? report = null;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new CountColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(what), autoStart: true, maxValue: Math.Max(open, 1));
                var work = recover();
                while (await Task.WhenAny(work, Task.Delay(PollInterval, CancellationToken.None)).ConfigureAwait(false) != work)
                {
                    task.Value = Done(open, await countOpen().ConfigureAwait(false));
                }

                report = await work.ConfigureAwait(false);
                task.Value = Done(open, report.StillUnsettled);
                ctx.Refresh();
            }).ConfigureAwait(false);
        return report!;
    }

    // A file or a pipe: a line when the count moves, and the final count, so a log shows how far it got.
    private static async Task<RecoveryReport> PlainAsync(CliContext context, CliSettings settings, string what, int open, Func<Task<int>> countOpen, Func<Task<RecoveryReport>> recover)
    {
        await context.Error.WriteLineAsync(what + " …").ConfigureAwait(false);
        var work = recover();
        int? shown = null;
        while (await Task.WhenAny(work, Task.Delay(PollInterval, CancellationToken.None)).ConfigureAwait(false) != work)
        {
            int done = Done(open, await countOpen().ConfigureAwait(false));
            if (done != (shown ?? 0) && open > 0)
            {
                shown = done;
                await context.Error.WriteLineAsync(Line(settings, done, open)).ConfigureAwait(false);
            }
        }

        var report = await work.ConfigureAwait(false);
        int final = Done(open, report.StillUnsettled);
        if (open > 0 && final != shown)
        {
            await context.Error.WriteLineAsync(Line(settings, final, open)).ConfigureAwait(false);
        }

        return report;
    }

    private static string Line(CliSettings settings, int done, int open) =>
        $"{PlainBatchProgress.Bar(done, open)} {done}/{open} {settings.T("avgjorda", "settled")}";

    private static int Done(int open, int stillOpen) => Math.Clamp(open - stillOpen, 0, open);
}
