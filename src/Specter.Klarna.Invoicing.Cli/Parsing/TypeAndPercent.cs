using System.Globalization;

namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>Reads --type and --percent: a percent alone means a prepayment; a prepayment needs a percent in (0, 100].</summary>
internal static class TypeAndPercent
{
    public static (InvoiceType? Type, decimal? Percent) Parse(ParsedCommand command)
    {
        InvoiceType? type = command.Get("--type") switch
        {
            null => null,
            var t when t.Equals("delivery", StringComparison.OrdinalIgnoreCase) => InvoiceType.Delivery,
            var t when t.Equals("final", StringComparison.OrdinalIgnoreCase) => InvoiceType.Final,
            var t when t.Equals("prepayment", StringComparison.OrdinalIgnoreCase) => InvoiceType.Prepayment,
            var t => throw new CliUsageException($"unknown invoice type '{t}'; use delivery, final or prepayment."),
        };

        decimal? percent = null;
        if (command.Get("--percent") is { } text)
        {
            if (!decimal.TryParse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new CliUsageException($"--percent '{text}' is not a number (use a point for decimals, for example 30 or 12.5).");
            }

            if (value <= 0m || value > 100m)
            {
                throw new CliUsageException($"--percent {text} is outside (0, 100]: give more than 0 and at most 100.");
            }

            percent = value;
            type ??= InvoiceType.Prepayment;
            if (type != InvoiceType.Prepayment)
            {
                throw new CliUsageException("--percent is only for --type prepayment.");
            }
        }
        else if (type == InvoiceType.Prepayment)
        {
            throw new CliUsageException("--type prepayment needs --percent N (more than 0, at most 100).");
        }

        return (type, percent);
    }
}
