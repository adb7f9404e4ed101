namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>What the process is connected to: a terminal (colors, a live progress bar, a no-echo prompt) or files and pipes.</summary>
/// <param name="OutputIsTerminal">stdout is a terminal.</param>
/// <param name="ErrorIsTerminal">stderr is a terminal.</param>
/// <param name="InputIsTerminal">stdin is a terminal (a password may be prompted for).</param>
/// <param name="Width">The terminal's width in columns; ignored when not a terminal.</param>
internal sealed record CliTerminal(bool OutputIsTerminal, bool ErrorIsTerminal, bool InputIsTerminal, int Width)
{
    /// <summary>Redirected everywhere: plain text, no colors, no prompts. The default for in-process runs.</summary>
    public static CliTerminal Redirected { get; } = new(false, false, false, 0);

    /// <summary>Reads the abilities of the real console.</summary>
    public static CliTerminal FromConsole()
    {
        int width = 0;
        try
        {
            width = Console.IsOutputRedirected && Console.IsErrorRedirected ? 0 : Console.WindowWidth;
        }
        catch (IOException)
        {
            // No window to ask (for example under a detached pseudo-terminal): keep the default below.
        }

        return new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, !Console.IsInputRedirected, width > 0 ? width : 120);
    }
}
