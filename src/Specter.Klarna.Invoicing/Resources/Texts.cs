using System.Globalization;
using System.Resources;

namespace Specter.Klarna.Invoicing.Resources;

/// <summary>
/// The user-facing texts from <c>Texts.resx</c> (English, the neutral language) and <c>Texts.{language}.resx</c> (Swedish today):
/// a new language is one more resource file with the same names.
/// </summary>
/// <remarks>Arguments are formatted in the caller's culture: money in its one display format, invoice types and actions by their own texts.</remarks>
internal static class Texts
{
    private static readonly ResourceManager Manager = new("Specter.Klarna.Invoicing.Resources.Texts", typeof(Texts).Assembly);

    public static string Get(string key, CultureInfo? culture) =>
        Manager.GetString(key, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"Missing text resource '{key}'.");

    public static string Format(string key, CultureInfo? culture, params IReadOnlyList<object?> args)
    {
        var effective = culture ?? CultureInfo.CurrentUICulture;
        var formatted = new object?[args.Count];
        for (int i = 0; i < formatted.Length; i++)
        {
            formatted[i] = Argument(args[i], effective);
        }

        return string.Format(effective, Get(key, effective), formatted);
    }

    private static object? Argument(object? value, CultureInfo culture) => value switch
    {
        null => Get("Value_None", culture),
        Money money => money.ToString(culture),
        InvoiceType type => Get("InvoiceType_" + type, culture),
        InvoiceAction action => Get("InvoiceAction_" + action, culture),
        IEnumerable<InvoiceType> types => string.Join(", ", types.Select(t => Get("InvoiceType_" + t, culture))),
        _ => value, // numbers and dates are formatted by string.Format in the culture; strings as they are
    };
}
