using System.Globalization;
using Specter.Klarna.Invoicing.Internal;

namespace Specter.Klarna.Invoicing;

/// <summary>A problem the invoice dialog shows before the user confirms.</summary>
/// <param name="Code">What the problem is.</param>
/// <param name="IsBlocking">Whether creating the invoice will be refused because of it.</param>
/// <param name="MessageEnglish">The message in English.</param>
/// <param name="MessageSwedish">The message in Swedish.</param>
public sealed record ProposalWarning(ProposalWarningCode Code, bool IsBlocking, string MessageEnglish, string MessageSwedish)
{
    /// <summary>Gets the message in the culture's language (Swedish for <c>sv</c>, otherwise English).</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The message.</returns>
    public string GetMessage(CultureInfo? culture = null) =>
        MoneyDisplay.IsSwedish(culture ?? CultureInfo.CurrentUICulture) ? MessageSwedish : MessageEnglish;
}
