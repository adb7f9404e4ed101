using System.Globalization;
using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>payouts and reconcile: Klarna's payouts turned into payment markings in the ledger (importing twice marks nothing twice).</summary>
internal static class PayoutCommands
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static async Task<int> PayoutsAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var from = ParseDate(command.Require("--from"), "--from", endOfDay: false);
        var to = ParseDate(command.Require("--to"), "--to", endOfDay: true);
        if (to < from)
        {
            throw new CliUsageException("--to is before --from.");
        }

        var session = await context.OpenSessionAsync(settings, paymentMarking: true).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var results = await session.Marking.ImportPayoutsAsync(from, to, settings.Merchant, context.CancellationToken).ConfigureAwait(false);
            context.Emit(
                settings,
                () => new PayoutViews(settings, context.Renderer).Payouts(results),
                () => new JsonObject
                {
                    ["from"] = from,
                    ["to"] = to,
                    ["balanced"] = results.All(r => r.Reconciliation.IsBalanced),
                    ["newMarkings"] = results.Sum(r => r.NewMarkings.Count),
                    ["payouts"] = new JsonArray([.. results.Select(r => (JsonNode)PayoutJson.Import(r))]),
                });
            return results.All(r => r.Reconciliation.IsBalanced) ? ExitCodes.Ok : ExitCodes.Unbalanced;
        }
    }

    public static async Task<int> ReconcileAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string reference = command.Require("--payment-reference");
        var session = await context.OpenSessionAsync(settings, paymentMarking: true).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var result = await session.Marking.ImportPayoutAsync(reference, settings.Merchant, context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => new PayoutViews(settings, context.Renderer).Reconciliation(result), () => PayoutJson.Import(result));
            return result.Reconciliation.IsBalanced ? ExitCodes.Ok : ExitCodes.Unbalanced;
        }
    }

    /// <summary>A day (UTC; the end of the range means through 23:59:59) or a full ISO 8601 date-time.</summary>
    internal static DateTimeOffset ParseDate(string value, string option, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddSeconds(-1) : start;
        }

        return DateTimeOffset.TryParseExact(value, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new CliUsageException($"{option} must be a date (YYYY-MM-DD) or an ISO 8601 date-time (2026-12-01T00:00:00Z).");
    }
}
