using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>A plain box-drawn table for the terminal; numeric columns are right-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]?> _rows = []; // null = separator

    public TextTable(params string[] headers)
    {
        _headers = headers;
        _rightAligned = new bool[headers.Length];
    }

    public TextTable RightAlign(params int[] columns)
    {
        foreach (int c in columns)
        {
            _rightAligned[c] = true;
        }

        return this;
    }

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public TextTable Separator()
    {
        _rows.Add(null);
        return this;
    }

    public override string ToString()
    {
        int[] widths = _headers.Select(h => h.Length).ToArray();
        foreach (var row in _rows.OfType<string[]>())
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var sb = new StringBuilder();
        Border(sb, widths, '┌', '┬', '┐');
        Row(sb, widths, _headers, header: true);
        Border(sb, widths, '├', '┼', '┤');
        foreach (var row in _rows)
        {
            if (row is null)
            {
                Border(sb, widths, '├', '┼', '┤');
            }
            else
            {
                Row(sb, widths, row, header: false);
            }
        }

        Border(sb, widths, '└', '┴', '┘');
        return sb.ToString();
    }

    private static void Border(StringBuilder sb, int[] widths, char left, char middle, char right)
    {
        sb.Append(left);
        for (int i = 0; i < widths.Length; i++)
        {
            sb.Append('─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        }

        sb.AppendLine();
    }

    private void Row(StringBuilder sb, int[] widths, string[] cells, bool header)
    {
        sb.Append('│');
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = _rightAligned[i] && !header ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]);
            sb.Append(' ').Append(cell).Append(" │");
        }

        sb.AppendLine();
    }
}
