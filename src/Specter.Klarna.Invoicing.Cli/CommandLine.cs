using System.Globalization;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>Bad command-line input: printed as one line, exit code 2, nothing written.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>One parsed command line: the command and its options.</summary>
internal sealed class ParsedCommand
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;

    public ParsedCommand(string name, Dictionary<string, string> values, HashSet<string> flags)
    {
        Name = name;
        _values = values;
        _flags = flags;
    }

    public string Name { get; }

    public bool HasFlag(string name) => _flags.Contains(name);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"'{Name}' needs {name} (see 'klarna-invoicing help').");
}

/// <summary>A small, strict parser: <c>command --option value</c>, <c>--option=value</c> and flags; anything unknown is an error.</summary>
internal static class CommandLine
{
    public static readonly string[] CommonValueOptions =
        ["--ledger", "--environment", "--region", "--base-url", "--merchant", "--username", "--password", "--lang"];

    public static readonly string[] CommonFlags = ["--json", "--allow-prepayment-capture"];

    private static readonly Dictionary<string, string[]> CommandOptions = new(StringComparer.Ordinal)
    {
        ["demo"] = [],
        ["propose"] = ["--order", "--type", "--percent"],
        ["invoice"] = ["--order", "--invoice-number", "--type", "--percent", "--description"],
        ["status"] = ["--invoice-number"],
        ["recover"] = [],
        ["order"] = ["--klarna-order-id"],
        ["release"] = ["--klarna-order-id"],
        ["extend"] = ["--klarna-order-id"],
        ["invoice-all"] = ["--orders", "--first-invoice-number", "--type", "--percent"],
        ["simulator"] = ["--orders"],
        ["help"] = [],
        ["version"] = [],
    };

    public static IEnumerable<string> Commands => CommandOptions.Keys;

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return new ParsedCommand("demo", new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        }

        int start = 0;
        string name;
        if (args[0] is "--help" or "-h" or "-?")
        {
            name = "help";
            start = 1;
        }
        else if (args[0] is "--version")
        {
            name = "version";
            start = 1;
        }
        else if (args[0].StartsWith('-'))
        {
            name = "demo"; // options only, for example "--lang en": the demo
        }
        else
        {
            name = args[0];
            start = 1;
            if (!CommandOptions.ContainsKey(name))
            {
                throw new CliUsageException($"unknown command '{name}'; commands: {string.Join(", ", CommandOptions.Keys)}.");
            }
        }

        var specific = CommandOptions[name];
        bool isDemo = name == "demo";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = start; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new ParsedCommand("help", new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"unexpected argument '{arg}' for '{name}'; options are written --name value.");
            }

            string option = arg;
            string? inlineValue = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                option = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }

            // The demo runs its own simulator and ledger: it takes only --lang.
            bool isValueOption = specific.Contains(option) || (isDemo ? option == "--lang" : CommonValueOptions.Contains(option));
            bool isFlag = !isDemo && CommonFlags.Contains(option);
            if (isFlag)
            {
                if (inlineValue is not null)
                {
                    throw new CliUsageException($"option {option} takes no value.");
                }

                flags.Add(option);
                continue;
            }

            if (!isValueOption)
            {
                throw new CliUsageException($"unknown option '{option}' for '{name}'.");
            }

            string? value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliUsageException($"option {option} needs a value.");
                }

                value = args[++i];
            }

            if (value.Length == 0)
            {
                throw new CliUsageException($"option {option} needs a non-empty value.");
            }

            if (!values.TryAdd(option, value))
            {
                throw new CliUsageException($"option {option} is given twice.");
            }
        }

        return new ParsedCommand(name, values, flags);
    }

    /// <summary>Reads --type and --percent: a percent alone means a prepayment; a prepayment needs a percent in (0, 100].</summary>
    public static (InvoiceType? Type, decimal? Percent) ParseTypeAndPercent(ParsedCommand command)
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
