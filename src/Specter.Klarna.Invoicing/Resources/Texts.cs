using System.Globalization;
using System.Resources;

namespace Specter.Klarna.Invoicing.Resources;

/// <summary>
/// The user-facing texts from <c>Texts.resx</c> (English, the neutral language) and <c>Texts.{language}.resx</c> (Swedish today):
/// a new language is one more resource file with the same names.
/// </summary>
/// <remarks>
/// Arguments are formatted in the caller's culture: money in its one display format, an enum value by its own text
/// (<c>{EnumType}_{Value}</c>, for example <c>InvoiceType_Final</c>) when the resources have one. Enums are looked up by
/// name, not by type, so the texts sit below every folder that words its values (docs/ARCHITECTURE.md).
/// </remarks>
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
        Enum item => EnumText(item, culture) ?? (object)item,
        System.Collections.IEnumerable items when value is not string && items.Cast<object?>().All(i => i is Enum) =>
            string.Join(", ", items.Cast<Enum>().Select(i => EnumText(i, culture) ?? i.ToString())),
        _ => value, // numbers and dates are formatted by string.Format in the culture; strings as they are
    };

    private static string? EnumText(Enum value, CultureInfo culture) => Manager.GetString(value.GetType().Name + "_" + value, culture);
}
