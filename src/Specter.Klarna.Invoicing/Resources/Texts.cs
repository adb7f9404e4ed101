using System.Globalization;
using System.Resources;

namespace Specter.Klarna.Invoicing.Resources;

/// <summary>The user-facing texts (Swedish and English) from <c>Texts.resx</c> / <c>Texts.sv.resx</c>.</summary>
internal static class Texts
{
    private static readonly ResourceManager Manager = new("Specter.Klarna.Invoicing.Resources.Texts", typeof(Texts).Assembly);

    public static string Get(string key, CultureInfo? culture) =>
        Manager.GetString(key, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"Missing text resource '{key}'.");

    public static string Format(string key, CultureInfo? culture, params object?[] args)
    {
        var effective = culture ?? CultureInfo.CurrentUICulture;
        return string.Format(effective, Get(key, effective), args);
    }
}
