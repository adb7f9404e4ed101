using System.Globalization;

namespace Specter.Klarna.Invoicing;

/// <summary>A broken invoicing rule with its message in English and Swedish.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="MessageEnglish">The message in English.</param>
/// <param name="MessageSwedish">The message in Swedish.</param>
public sealed record KlarnaInvoicingRuleViolation(KlarnaInvoicingRule Rule, string MessageEnglish, string MessageSwedish)
{
    /// <summary>Gets the message in the given culture's language (Swedish for <c>sv</c>, otherwise English).</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The message.</returns>
    public string GetMessage(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "sv" ? MessageSwedish : MessageEnglish;
}
