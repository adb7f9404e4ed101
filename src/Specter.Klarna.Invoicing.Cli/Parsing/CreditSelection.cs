using System.Globalization;
using System.Text.Json;

namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>Reads what to credit: --lines FILE (a JSON array of {"orderLineId": "1", "quantity": 2}), or --amount X with --vat-rate R, or neither (everything left).</summary>
internal static class CreditSelection
{
    public static (IReadOnlyList<CreditLineRequest>? Lines, (decimal Amount, decimal VatRate)? Amount) Parse(ParsedCommand command)
    {
        string? linesFile = command.Get("--lines");
        string? amount = command.Get("--amount");
        string? rate = command.Get("--vat-rate");
        if (linesFile is not null && (amount is not null || rate is not null))
        {
            throw new CliUsageException("give either --lines or --amount with --vat-rate, not both.");
        }

        if ((amount is null) != (rate is null))
        {
            throw new CliUsageException("--amount and --vat-rate go together.");
        }

        if (linesFile is not null)
        {
            return (ReadLines(linesFile), null);
        }

        return amount is null ? (null, null) : (null, (Number(amount, "--amount"), Number(rate!, "--vat-rate")));
    }

    private static List<CreditLineRequest> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--lines: the file {path} does not exist.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CliUsageException("--lines: the file must hold a JSON array of {\"orderLineId\": \"1\", \"quantity\": 2}.");
            }

            return [.. document.RootElement.EnumerateArray().Select(line => new CreditLineRequest(
                line.GetProperty("orderLineId").GetString() ?? throw new CliUsageException("--lines: orderLineId is null."),
                line.GetProperty("quantity").GetDecimal()))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliUsageException("--lines: each entry needs \"orderLineId\" (text) and \"quantity\" (number): " + ex.Message);
        }
    }

    private static decimal Number(string text, string option) =>
        decimal.TryParse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"{option} '{text}' is not a number (use a point for decimals, for example 125.50).");
}
