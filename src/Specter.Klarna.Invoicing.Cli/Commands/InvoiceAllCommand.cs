using System.Globalization;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>
/// <c>invoice-all</c>: invoices every <c>*.json</c> order of a folder, in ordinal file-name order, a few at a time.
/// Invoice numbers: <c>--first-invoice-number N</c> gives N, N+1, … in that order; without it each file's name (without
/// <c>.json</c>) is its invoice number. Files of one Klarna order run one after another, in file order, so a prepayment
/// and its final invoice never race each other; the library's per-merchant rate limiter keeps the batch within Klarna's limit.
/// </summary>
internal static class InvoiceAllCommand
{
    public const int DefaultConcurrency = 4;
    public const int MaxConcurrency = 16;

    public static async Task<int> RunAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string folder = command.Require("--orders");
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"orders folder not found: {folder}");
        }

        long? firstNumber = command.Get("--first-invoice-number") is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0
                ? n
                : throw new CliUsageException($"--first-invoice-number '{text}' is not a positive whole number.")
            : null;
        int concurrency = command.Get("--concurrency") is { } c
            ? int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k is >= 1 and <= MaxConcurrency
                ? k
                : throw new CliUsageException($"--concurrency '{c}' is not a whole number from 1 to {MaxConcurrency}.")
            : DefaultConcurrency;
        var (type, percent) = TypeAndPercent.Parse(command);
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CliUsageException($"no *.json order files in {folder}");
        }

        var views = context.Views(settings);
        var rows = new BatchRow[files.Count];
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var batch = new BatchInvoicer(session.Invoicing, settings, views, type, percent, context.CancellationToken);
            var items = files.Select((file, i) => batch.Read(i, file, firstNumber is { } first ? (first + i).ToString(CultureInfo.InvariantCulture) : Path.GetFileNameWithoutExtension(file))).ToList();
            var groups = items.GroupBy(item => item.Order?.KlarnaOrderId ?? "file:" + item.Index.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal).ToList();
            IBatchProgress progress = context.Terminal.ErrorIsTerminal
                ? new TerminalBatchProgress(ConsoleFactory.Create(context.Error, isTerminal: true, context.Terminal.Width, context.Environment))
                : new PlainBatchProgress(context.Error);
            await progress.RunAsync(files.Count, reporter => Parallel.ForEachAsync(
                groups,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                async (group, _) =>
                {
                    foreach (var item in group)
                    {
                        reporter.Started(item.File, item.Invoice);
                        var row = await batch.InvoiceAsync(item).ConfigureAwait(false);
                        rows[item.Index] = row;
                        reporter.Finished(row);
                    }
                })).ConfigureAwait(false);
        }

        int exitCode = Worst(rows.Select(r => r.Exit));
        context.Emit(settings, () => BatchSummary.Text(rows, settings, views), () => BatchSummary.Json(rows, exitCode));
        return exitCode;
    }

    /// <summary>The most serious outcome of a batch: unknown (4) before refused (3) before locked (5) before invalid (2) before unexpected (1).</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        int[] order = [ExitCodes.OutcomeUnknown, ExitCodes.KlarnaRefused, ExitCodes.Locked, ExitCodes.InvalidInput, ExitCodes.Unexpected];
        var set = codes.ToHashSet();
        return order.FirstOrDefault(set.Contains, ExitCodes.Ok);
    }
}
