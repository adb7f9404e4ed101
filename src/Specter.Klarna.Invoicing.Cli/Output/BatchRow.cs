using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>What happened to one file of <c>invoice-all</c>.</summary>
/// <param name="Index">Position of the file in ordinal file-name order (0-based).</param>
/// <param name="File">The file name.</param>
/// <param name="Invoice">The invoice number it got.</param>
/// <param name="Exit">Its exit code, as if invoiced alone.</param>
/// <param name="Outcome">Status text, or the error line; Klarna's reason when refused.</param>
/// <param name="Amount">The invoice total, or "-".</param>
/// <param name="Json">The row in <c>--json</c> output.</param>
internal sealed record BatchRow(int Index, string File, string Invoice, int Exit, string Outcome, string Amount, JsonNode Json)
{
    /// <summary>The summary bucket: activated (or nothing to send), refused by Klarna, unknown (run recover), skipped or not sent (nothing at Klarna).</summary>
    public BatchOutcome Kind => Exit switch
    {
        ExitCodes.Ok => BatchOutcome.Activated,
        ExitCodes.KlarnaRefused => BatchOutcome.Failed,
        ExitCodes.OutcomeUnknown => BatchOutcome.Unknown,
        _ => BatchOutcome.Skipped,
    };
}

/// <summary>The buckets of the <c>invoice-all</c> summary.</summary>
internal enum BatchOutcome
{
    Activated,
    Failed,
    Unknown,
    Skipped,
}
