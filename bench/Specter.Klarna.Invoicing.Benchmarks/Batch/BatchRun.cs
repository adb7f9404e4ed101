using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>Runs the batch, rate-limited and cold-start measurements and writes their markdown tables (to <c>--out</c> when given).</summary>
internal static class BatchRun
{
    public static async Task<int> RunAsync(BatchSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Batch run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at start {LoadAverage()}.");
        text.AppendLine();
        text.AppendLine("| Ledger | Concurrency | Invoices | Library | Floor (raw HTTP + same commits) | Ratio (≥ 0.9) | Commits per invoice |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (string row in await BatchBenchmark.RunAsync(settings).ConfigureAwait(false))
        {
            text.AppendLine(row);
        }

        text.AppendLine();
        text.AppendLine("| Limit (library and simulator) | Batch | Requests on the wire | Achieved rate | 429s | Activated |");
        text.AppendLine("|---|---|---|---|---|---|");
        text.AppendLine(await RateLimitedBatch.RunAsync(settings).ConfigureAwait(false));
        text.AppendLine();
        text.AppendLine("| Cold start (median of runs) | Time | Baseline | Baseline time | Ratio | Note |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (string row in await ColdStart.RunAsync(settings).ConfigureAwait(false))
        {
            text.AppendLine(row);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"\nLoad average at the end: {LoadAverage()}.");
        if (settings.Output is { } output)
        {
            await File.WriteAllTextAsync(output, text.ToString()).ConfigureAwait(false);
        }

        Console.WriteLine(text);
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
