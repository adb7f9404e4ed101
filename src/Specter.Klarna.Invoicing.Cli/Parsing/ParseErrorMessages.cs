using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>
/// Turns System.CommandLine's parse errors into the tool's one line. A value on the command line may be a secret typed in
/// the wrong place (a password after <c>--username</c>, say), so no value is ever repeated: only names that look like
/// command or option names, and the library's own messages (which quote tokens) are never printed.
/// </summary>
internal static partial class ParseErrorMessages
{
    private static readonly string[] SecretOptions = ["--password", "--api-key", "--secret"];

    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        string commandName = command is RootCommand ? "klarna-invoicing" : command.Name;
        if (result.UnmatchedTokens.Count > 0)
        {
            return Unmatched(result.UnmatchedTokens[0], command, commandName);
        }

        foreach (var error in result.Errors)
        {
            var option = error.SymbolResult switch
            {
                OptionResult o => o,
                ArgumentResult { Parent: OptionResult o } => o,
                _ => null,
            };
            if (option is null)
            {
                continue;
            }

            string name = option.Option.Name;
            if (option.IdentifierTokenCount > 1)
            {
                return $"option {name} is given twice.";
            }

            return option.Option.Arity.MaximumNumberOfValues == 0
                ? $"option {name} takes no value."
                : $"option {name} needs a value.";
        }

        return $"the command line is not valid for '{commandName}' (see 'klarna-invoicing {(command is RootCommand ? string.Empty : command.Name + " ")}--help').";
    }

    private static string Unmatched(string token, Command command, string commandName)
    {
        if (token.StartsWith('-'))
        {
            string name = token.Split('=', ':')[0];
            if (SecretOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return $"{name} is not accepted: a secret on the command line shows in the process list and the shell history. "
                    + $"Set {CliSettings.PasswordVariable}, pipe it with {CliCommandTree.PasswordStdin}, or let the tool ask (on a terminal).";
            }

            if (!LooksLikeAName().IsMatch(name))
            {
                return $"unknown option for '{commandName}' (not repeated here, as it may hold a secret); see 'klarna-invoicing {command.Name} --help'.";
            }

            string? closest = Suggestions.Closest(name, command.Options.Where(o => !o.Hidden).Select(o => o.Name));
            return $"unknown option '{name}' for '{commandName}'" + (closest is null ? "." : $"; did you mean {closest}?");
        }

        if (command is RootCommand)
        {
            var names = command.Subcommands.Select(c => c.Name).ToList();
            if (!LooksLikeAName().IsMatch(token))
            {
                return $"unknown command (not repeated here, as it may hold a secret); commands: {string.Join(", ", names)}.";
            }

            string? closest = Suggestions.Closest(token, names);
            return $"unknown command '{token}'" + (closest is null ? string.Empty : $"; did you mean '{closest}'?") + $"; commands: {string.Join(", ", names)}.";
        }

        return $"unexpected argument for '{commandName}' (not repeated here, as it may hold a secret); options are written --name value.";
    }

    [GeneratedRegex("^-{0,2}[A-Za-z][A-Za-z0-9-]{0,39}$")]
    private static partial Regex LooksLikeAName();
}
