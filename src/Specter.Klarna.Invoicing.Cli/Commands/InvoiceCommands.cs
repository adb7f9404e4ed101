using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>propose, invoice, status, recover and invoice-all.</summary>
internal static class InvoiceCommands
{
    public static async Task<int> ProposeAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var order = InvoicingSession.ReadOrder(command.Require("--order"), settings.Merchant);
        var (type, percent) = CommandLine.ParseTypeAndPercent(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var proposal = await session.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = type, PrepaymentPercent = percent }, context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => new Views(settings).Proposal(proposal), () => JsonViews.Proposal(proposal, settings.Culture));
            if (proposal.CanCreate)
            {
                return ExitCodes.Ok;
            }

            return proposal.Violations.Select(v => ErrorMapper.ForRule(v.Rule)).DefaultIfEmpty(ExitCodes.InvalidInput).Max();
        }
    }

    public static async Task<int> InvoiceAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var order = InvoicingSession.ReadOrder(command.Require("--order"), settings.Merchant);
        string invoiceNumber = command.Require("--invoice-number");
        var (type, percent) = CommandLine.ParseTypeAndPercent(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var result = await session.Invoicing.CreateInvoiceAsync(
                order,
                new CreateInvoiceRequest { InvoiceNumber = invoiceNumber, Type = type, PrepaymentPercent = percent, Description = command.Get("--description") },
                context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => new Views(settings).Result(result), () => JsonViews.Result(result, settings.Culture));
            return ErrorMapper.ForState(result.Status.State);
        }
    }

    public static async Task<int> StatusAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string invoiceNumber = command.Require("--invoice-number");
        var session = await context.OpenSessionAsync(settings, readsLedgerOnly: true).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var status = await session.Invoicing.GetActivationStatusAsync(invoiceNumber, context.CancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException($"invoice {invoiceNumber} is not in the ledger {settings.LedgerPath}.");
            context.Emit(settings, () => new Views(settings).Status(status), () => JsonViews.Status(status, settings.Culture));
            return ErrorMapper.ForState(status.State);
        }
    }

    public static async Task<int> RecoverAsync(CliSettings settings, CliContext context)
    {
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var report = await session.Invoicing.RecoverAsync(context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => new Views(settings).Recovery(report), () => JsonViews.Recovery(report, settings.Culture));
            return report.StillUnsettled > 0 ? ExitCodes.OutcomeUnknown : ExitCodes.Ok;
        }
    }

    /// <summary>
    /// Invoices every <c>*.json</c> order in a folder, in ordinal file-name order. Invoice numbers: <c>--first-invoice-number N</c>
    /// gives N, N+1, … in that order; without it each file's name (without <c>.json</c>) is its invoice number.
    /// </summary>
    public static async Task<int> InvoiceAllAsync(ParsedCommand command, CliSettings settings, CliContext context)
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
        var (type, percent) = CommandLine.ParseTypeAndPercent(command);
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CliUsageException($"no *.json order files in {folder}");
        }

        var views = new Views(settings);
        var rows = new List<(string File, string Invoice, int Exit, string Status, string Amount, JsonNode Json)>();
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            for (int i = 0; i < files.Count; i++)
            {
                string file = files[i];
                string name = Path.GetFileName(file);
                string invoiceNumber = firstNumber is { } first ? (first + i).ToString(CultureInfo.InvariantCulture) : Path.GetFileNameWithoutExtension(file);
                (string File, string Invoice, int Exit, string Status, string Amount, JsonNode Json) row;
                try
                {
                    var order = InvoicingSession.ReadOrder(file, settings.Merchant);
                    var result = await session.Invoicing.CreateInvoiceAsync(
                        order,
                        new CreateInvoiceRequest { InvoiceNumber = invoiceNumber, Type = type, PrepaymentPercent = percent },
                        context.CancellationToken).ConfigureAwait(false);
                    row = (name, invoiceNumber, ErrorMapper.ForState(result.Status.State), result.Status.GetText(settings.Culture), views.Money(result.Plan.Total),
                        new JsonObject { ["file"] = name, ["exitCode"] = ErrorMapper.ForState(result.Status.State), ["result"] = JsonViews.Result(result, settings.Culture) });
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    var (exit, kind, message, code) = ErrorMapper.Map(ex, settings);
                    row = (name, invoiceNumber, exit, message, "-",
                        new JsonObject { ["file"] = name, ["exitCode"] = exit, ["invoiceNumber"] = invoiceNumber, ["error"] = JsonViews.Error(exit, kind, message, code) });
                }

                rows.Add(row);
                await context.Error.WriteLineAsync($"{ProgressBar(i + 1, files.Count)} {i + 1}/{files.Count} {name} → {invoiceNumber}: {row.Status}").ConfigureAwait(false);
            }
        }

        int exitCode = Worst(rows.Select(r => r.Exit));
        context.Emit(
            settings,
            () =>
            {
                var table = new TextTable(settings.T("Fil", "File"), settings.T("Faktura", "Invoice"), settings.T("Belopp", "Amount"), settings.T("Utfall", "Outcome"), settings.T("Kod", "Code"))
                    .RightAlign(2, 4);
                foreach (var r in rows)
                {
                    table.Add(r.File, r.Invoice, r.Amount, r.Status, r.Exit.ToString(CultureInfo.InvariantCulture));
                }

                return table.ToString();
            },
            () => new JsonObject { ["exitCode"] = exitCode, ["invoices"] = new JsonArray(rows.Select(r => r.Json).ToArray()) });
        return exitCode;
    }

    /// <summary>The most serious outcome of a batch: unknown (4) before refused (3) before locked (5) before invalid (2) before unexpected (1).</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        int[] order = [ExitCodes.OutcomeUnknown, ExitCodes.KlarnaRefused, ExitCodes.Locked, ExitCodes.InvalidInput, ExitCodes.Unexpected];
        var set = codes.ToHashSet();
        return order.FirstOrDefault(set.Contains, ExitCodes.Ok);
    }

    private static string ProgressBar(int done, int total)
    {
        const int Width = 20;
        int filled = (int)Math.Round(Width * (double)done / total, MidpointRounding.AwayFromZero);
        return new StringBuilder("[").Append('█', filled).Append('░', Width - filled).Append(']').ToString();
    }
}
