using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing;

/// <summary>A broken invoicing rule: the rule, the code of its message and the message's arguments. The text comes from the library's resource files in the caller's culture.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="MessageCode">The message's stable code, the name of its text in the resource files, for example <c>Rule_InvoiceLocked</c> (see docs/error-reference.md).</param>
/// <param name="Arguments">The message's arguments in order: strings, numbers, <see cref="Money"/>, <see cref="InvoiceType"/>, <see cref="InvoiceAction"/>; <see langword="null"/> reads as "none".</param>
public sealed record KlarnaInvoicingRuleViolation(KlarnaInvoicingRule Rule, string MessageCode, IReadOnlyList<object?> Arguments)
{
    /// <summary>Gets the message in the culture's language (Swedish for <c>sv</c>, otherwise English), with money and numbers formatted in that culture.</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The message.</returns>
    /// <exception cref="InvalidOperationException"><see cref="MessageCode"/> names no text in the resource files.</exception>
    public string GetMessage(CultureInfo? culture = null) => Texts.Format(MessageCode, culture, Arguments);
}
