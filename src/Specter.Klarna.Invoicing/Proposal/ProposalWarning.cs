using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing;

/// <summary>A problem the invoice dialog shows before the user confirms: a code and its arguments; the text comes from the library's resource files in the caller's culture.</summary>
/// <param name="Code">What the problem is; its text is named <c>Warning_{Code}</c> in the resource files.</param>
/// <param name="IsBlocking">Whether creating the invoice will be refused because of it.</param>
/// <param name="Arguments">The message's arguments in order (see docs/error-reference.md): strings, numbers, dates, <see cref="Money"/>.</param>
public sealed record ProposalWarning(ProposalWarningCode Code, bool IsBlocking, IReadOnlyList<object?> Arguments)
{
    /// <summary>Gets the message in the culture's language (Swedish for <c>sv</c>, otherwise English), with money, numbers and dates formatted in that culture.</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The message.</returns>
    public string GetMessage(CultureInfo? culture = null) => Texts.Format("Warning_" + Code, culture, Arguments);
}
