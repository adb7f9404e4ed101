using Spectre.Console.Rendering;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>Renders Spectre.Console widgets to text with the abilities of the writer they will go to (colors only on a terminal).</summary>
internal sealed class TextRenderer(bool isTerminal, int terminalWidth, Func<string, string?> environment)
{
    /// <summary>Plain text, no colors: for in-process use and redirected output.</summary>
    public static TextRenderer Plain { get; } = new(false, 0, _ => null);

    public string Render(IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, isTerminal, terminalWidth, environment);
        console.Write(renderable);
        return writer.ToString();
    }
}
