using System.Globalization;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Formats money for the ERP user: "1 234,50 kr" in Swedish, "SEK 1,234.50" in English.</summary>
internal static class MoneyDisplay
{
    public static string Format(Money money, CultureInfo? culture)
    {
        var effective = culture ?? CultureInfo.CurrentUICulture;
        var digits = money.Currency.MinorUnitDigits;
        var number = money.ToMajorUnits().ToString("N" + digits.ToString(CultureInfo.InvariantCulture), NumberFormatFor(effective));
        var code = money.Currency.Code;
        if (IsSwedish(effective))
        {
            return code == "SEK" ? number + " kr" : number + " " + code;
        }

        return code + " " + number;
    }

    public static bool IsSwedish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "sv";

    private static NumberFormatInfo NumberFormatFor(CultureInfo culture)
    {
        // A plain space as group separator keeps "1 234,50 kr" readable in logs and terminals (sv-SE uses U+00A0).
        var format = (NumberFormatInfo)(IsSwedish(culture) ? new CultureInfo("sv-SE") : CultureInfo.InvariantCulture).NumberFormat.Clone();
        if (IsSwedish(culture))
        {
            format.NumberGroupSeparator = " ";
        }

        return format;
    }
}
