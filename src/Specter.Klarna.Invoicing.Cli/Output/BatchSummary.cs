using System.Globalization;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>The end of <c>invoice-all</c>: one row per file, then the count per outcome (text), or both as JSON.</summary>
internal static class BatchSummary
{
    public static string Text(IReadOnlyList<BatchRow> rows, CliSettings settings, Views views)
    {
        var table = Tables.New(settings.T("Fil", "File"), settings.T("Faktura", "Invoice"), settings.T("Belopp", "Amount"), settings.T("Utfall", "Outcome"), settings.T("Kod", "Code"))
            .RightAlign(2, 4);
        foreach (var r in rows)
        {
            table.Row(r.File, r.Invoice, r.Amount, r.Outcome, r.Exit.ToString(CultureInfo.InvariantCulture));
        }

        var counts = Tables.New(settings.T("Summering", "Summary"), settings.T("Antal", "Count")).RightAlign(1);
        foreach (var (kind, label) in Labels(settings))
        {
            counts.Row(label, rows.Count(r => r.Kind == kind).ToString(CultureInfo.InvariantCulture));
        }

        return views.Render(table) + views.Render(counts);
    }

    public static JsonObject Json(IReadOnlyList<BatchRow> rows, int exitCode) => new()
    {
        ["exitCode"] = exitCode,
        ["invoices"] = new JsonArray(rows.Select(r => r.Json.DeepClone()).ToArray()),
        ["summary"] = new JsonObject
        {
            ["activated"] = rows.Count(r => r.Kind == BatchOutcome.Activated),
            ["failed"] = rows.Count(r => r.Kind == BatchOutcome.Failed),
            ["unknown"] = rows.Count(r => r.Kind == BatchOutcome.Unknown),
            ["skipped"] = rows.Count(r => r.Kind == BatchOutcome.Skipped),
        },
    };

    private static (BatchOutcome Kind, string Label)[] Labels(CliSettings settings) =>
    [
        (BatchOutcome.Activated, settings.T("Aktiverade (eller inget att dra)", "Activated (or nothing to capture)")),
        (BatchOutcome.Failed, settings.T("Nekade av Klarna (skälet ovan)", "Refused by Klarna (reason above)")),
        (BatchOutcome.Unknown, settings.T("Okänt utfall: kör recover", "Outcome unknown: run recover")),
        (BatchOutcome.Skipped, settings.T("Överhoppade eller ej skickade (inget hos Klarna)", "Skipped or not sent (nothing at Klarna)")),
    ];
}
