using Spectre.Console;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>
/// Creates Spectre.Console consoles over the CLI's writers. Colors and escape sequences only on a terminal and never when
/// <c>NO_COLOR</c> is set (https://no-color.org); redirected output is plain, wide enough that tables never wrap.
/// </summary>
internal static class ConsoleFactory
{
    /// <summary>Width used when writing to a file or pipe: tables keep their natural width.</summary>
    public const int RedirectedWidth = 1000;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, int terminalWidth, Func<string, string?> environment)
    {
        // The caller knows whether this writer is a terminal (Console.IsOutputRedirected); Spectre's own guess cannot see
        // through a TextWriter. A "dumb" terminal gets no escape sequences at all; NO_COLOR keeps them but drops colors.
        bool ansi = isTerminal && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        bool colors = ansi && string.IsNullOrEmpty(environment("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = isTerminal ? Math.Max(40, terminalWidth) : RedirectedWidth;
        console.Profile.Capabilities.Unicode = true; // Program sets UTF-8 output; box drawing reads better than ASCII art
        return console;
    }
}
