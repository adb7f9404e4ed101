using System.Globalization;

namespace Specter.Klarna.Invoicing;

/// <summary>Text forms of money, always in major units with the currency's decimals, so 382030 öre never reads as 382 030 kronor.</summary>
public readonly partial struct Money
{
    /// <summary>Returns the invariant text, for example <c>3820.30 SEK</c>: major units with exactly the currency's decimals, a point, no grouping, then the code.</summary>
    /// <remarks>
    /// Invariant on purpose: logs, exception messages and the debugger show the same text on every machine, whatever the
    /// thread's culture, and it cannot be misread as minor units. For the ERP user call <see cref="ToString(IFormatProvider?)"/>
    /// with their culture.
    /// </remarks>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>Returns the amount as the ERP user reads it in a culture: <c>3 820,30 kr</c> in Swedish (<c>3 820,30 EUR</c> for other currencies), <c>SEK 3,820.30</c> in English and the invariant culture, otherwise the code and the culture's number format.</summary>
    /// <remarks>This is the one money format of the library's own texts (rule violations, proposal warnings, reservation text and tooltips).</remarks>
    /// <param name="provider">A <see cref="CultureInfo"/>; <see langword="null"/> gives the invariant text of <see cref="ToString()"/>.</param>
    /// <returns>The text.</returns>
    public string ToString(IFormatProvider? provider) => ToString(null, provider);

    /// <summary>Formats the amount; see <see cref="ToString()"/> and <see cref="ToString(IFormatProvider?)"/>.</summary>
    /// <param name="format"><see langword="null"/>, empty or <c>G</c>: the display text for <paramref name="formatProvider"/> (the invariant text when it is <see langword="null"/>); <c>I</c>: always the invariant text.</param>
    /// <param name="formatProvider">A <see cref="CultureInfo"/>, or <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!_currency.IsValid)
        {
            return "0";
        }

        return format switch
        {
            null or "" or "G" when formatProvider is not null => Display(formatProvider as CultureInfo ?? CultureInfo.InvariantCulture),
            null or "" or "G" or "I" => Invariant(),
            _ => throw new FormatException($"Money supports the formats G and I, not '{format}'."),
        };
    }

    private string Invariant() =>
        ToMajorUnits().ToString("F" + Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Code;

    private string Display(CultureInfo culture)
    {
        string code = Currency.Code;
        string pattern = "N" + Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture);
        if (culture.TwoLetterISOLanguageName == "sv")
        {
            // A plain space as group separator keeps "1 234,50 kr" readable in logs and terminals (sv-SE uses U+00A0).
            var swedish = (NumberFormatInfo)CultureInfo.GetCultureInfo("sv-SE").NumberFormat.Clone();
            swedish.NumberGroupSeparator = " ";
            swedish.NegativeSign = "-";
            string number = ToMajorUnits().ToString(pattern, swedish);
            return code == "SEK" ? number + " kr" : number + " " + code;
        }

        var numbers = culture.TwoLetterISOLanguageName is "en" or "iv" ? CultureInfo.InvariantCulture.NumberFormat : culture.NumberFormat;
        return code + " " + ToMajorUnits().ToString(pattern, numbers);
    }
}
