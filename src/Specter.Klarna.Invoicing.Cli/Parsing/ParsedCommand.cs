using System.CommandLine;

namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>One parsed command line, read by option name: the command and its options.</summary>
internal sealed class ParsedCommand(ParseResult result)
{
    /// <summary>The command; options without a command (or nothing at all) mean the demo.</summary>
    public string Name { get; } = result.CommandResult.Command is RootCommand ? "demo" : result.CommandResult.Command.Name;

    public bool HasFlag(string name) => Find(name) is Option<bool> option && result.GetResult(option) is { Implicit: false };

    public string? Get(string name)
    {
        if (Find(name) is not Option<string> option || result.GetResult(option) is not { Implicit: false })
        {
            return null;
        }

        string? value = result.GetValue(option);
        return string.IsNullOrEmpty(value) ? throw new CliUsageException($"option {name} needs a non-empty value.") : value;
    }

    public string Require(string name) =>
        Get(name) ?? throw new CliUsageException($"'{Name}' needs {name} (see 'klarna-invoicing {Name} --help').");

    private Option? Find(string name) => result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name);
}
