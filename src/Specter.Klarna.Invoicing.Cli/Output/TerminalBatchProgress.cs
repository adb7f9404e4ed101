using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>A live Spectre.Console progress bar on the terminal (stderr): current order, bar, done/total, elapsed and rate.</summary>
internal sealed class TerminalBatchProgress(IAnsiConsole console) : IBatchProgress
{
    public async Task RunAsync(int total, Func<IBatchReporter, Task> work)
    {
        var progress = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new CountColumn(),
                new ElapsedTimeColumn(),
                new RateColumn());
        await progress.StartAsync(async ctx =>
        {
            var task = ctx.AddTask("invoice-all", autoStart: true, maxValue: total);
            await work(new Reporter(task)).ConfigureAwait(false);
            task.Description = Markup.Escape($"{total}/{total}");
            ctx.Refresh();
        }).ConfigureAwait(false);
    }

    private sealed class Reporter(ProgressTask task) : IBatchReporter
    {
        public void Started(string file, string invoice) =>
            task.Description = Markup.Escape(Harmless.Text($"{file} → {invoice}"));

        public void Finished(BatchRow row) => task.Increment(1);
    }

    /// <summary>Orders per second since the start.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            double seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            return new Text(seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{task.Value / seconds:0.0}/s") : "-/s");
        }
    }
}
