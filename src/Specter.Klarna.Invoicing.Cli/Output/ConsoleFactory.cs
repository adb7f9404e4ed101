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
        bool colors = isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = isTerminal ? Math.Max(40, terminalWidth) : RedirectedWidth;
        console.Profile.Capabilities.Unicode = true; // Program sets UTF-8 output; box drawing reads better than ASCII art
        return console;
    }
}
