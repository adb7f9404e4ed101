using Specter.Klarna.Invoicing.Cli.Output;
using Spectre.Console;

namespace Specter.Klarna.Invoicing.Cli.Secrets;

/// <summary>
/// Where the Klarna password (or API key) comes from — never the command line, where it would show in the process list and
/// the shell history: <c>--password-stdin</c> (first line of stdin), else <c>KLARNA_PASSWORD</c>, else a prompt that does
/// not echo, when stdin and stderr are a terminal.
/// </summary>
internal static class PasswordSource
{
    /// <summary>Reads the password from stdin (when asked to) or the environment; <see langword="null"/> when neither has one.</summary>
    public static string? FromStdinOrEnvironment(bool fromStdin, TextReader input, Func<string, string?> environment)
    {
        if (fromStdin)
        {
            string? line = input.ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new CliUsageException($"{CliCommandTree.PasswordStdin}: stdin held no password (give it on the first line, for example: printenv SECRET | klarna-invoicing … {CliCommandTree.PasswordStdin}).")
                : line;
        }

        string? variable = environment(CliSettings.PasswordVariable);
        return string.IsNullOrEmpty(variable) ? null : variable;
    }

    /// <summary>Asks on the terminal without echoing; <see langword="null"/> when there is no terminal to ask on.</summary>
    public static async Task<string?> PromptAsync(CliTerminal terminal, TextWriter error, Func<string, string?> environment, bool swedish, CancellationToken cancellationToken)
    {
        if (!terminal.InputIsTerminal || !terminal.ErrorIsTerminal)
        {
            return null;
        }

        var console = ConsoleFactory.Create(error, isTerminal: true, terminal.Width, environment);
        string question = swedish ? "Klarna-lösenord eller API-nyckel:" : "Klarna password or API key:";
        // No mask: not even the length of the secret shows. Ctrl+C ends the prompt (the token is cancelled).
        return await new TextPrompt<string>(question).Secret(mask: null).ShowAsync(console, cancellationToken).ConfigureAwait(false);
    }
}
