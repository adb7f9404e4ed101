using Spectre.Console;
using Spectre.Console.Rendering;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>Spectre.Console tables as the CLI draws them: square borders, every cell plain text made harmless (never markup).</summary>
internal static class Tables
{
    public static Table New(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Square);
        foreach (string header in headers)
        {
            table.AddColumn(new TableColumn(new Text(Harmless.Text(header))));
        }

        return table;
    }

    public static Table RightAlign(this Table table, params int[] columns)
    {
        foreach (int c in columns)
        {
            table.Columns[c].RightAligned();
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells; text from orders or Klarna cannot inject markup or escape sequences.</summary>
    public static Table Row(this Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(Harmless.Text(c))).ToArray());

    /// <summary>Adds a row whose cells may carry a style (a color that disappears without a color terminal).</summary>
    public static Table Row(this Table table, params IRenderable[] cells) => table.AddRow(cells);

    public static IRenderable Cell(string text, Style? style = null) => new Text(Harmless.Text(text), style);

    /// <summary>Puts a totals row under a separator line (Spectre's footers).</summary>
    public static Table Footer(this Table table, params string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            table.Columns[i].Footer = new Text(Harmless.Text(cells[i]));
        }

        table.ShowFooters = true;
        return table;
    }

    /// <summary>The color of an activation state: green activated, red refused, yellow open; plain without colors.</summary>
    public static Style StateStyle(ActivationState state) => state switch
    {
        ActivationState.Activated => new Style(Color.Green),
        ActivationState.Failed => new Style(Color.Red),
        ActivationState.Pending or ActivationState.Unknown => new Style(Color.Yellow),
        _ => Style.Plain,
    };
}
