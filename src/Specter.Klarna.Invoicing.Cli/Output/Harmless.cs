using System.Globalization;
using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>
/// Makes text from outside (order files, Klarna's messages, the ledger) safe to print: control characters and
/// invisible direction overrides are shown as visible placeholders, so an order text cannot move the cursor, recolor
/// the terminal, rewrite the title or hide a line.
/// </summary>
internal static class Harmless
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(NeedsEscape))
        {
            return value ?? string.Empty;
        }

        var sb = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (!NeedsEscape(c))
            {
                sb.Append(c);
            }
            else if (c < 0x20)
            {
                sb.Append((char)(0x2400 + c)); // Unicode "control pictures": ESC → ␛, LF → ␊
            }
            else if (c == 0x7F)
            {
                sb.Append('␡');
            }
            else
            {
                sb.Append("<U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            }
        }

        return sb.ToString();
    }

    /// <summary>C0/C1 controls, DEL, and format characters (bidi overrides, zero-width marks) that change how a line looks.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u00AD');
}
