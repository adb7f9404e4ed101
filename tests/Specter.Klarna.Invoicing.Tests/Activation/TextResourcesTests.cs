using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Specter.Klarna.Invoicing.Tests.Activation;

/// <summary>Every language file has every text, with the same arguments; every warning code has a text.</summary>
public sealed partial class TextResourcesTests
{
    private static readonly ResourceManager Manager = new("Specter.Klarna.Invoicing.Resources.Texts", typeof(KlarnaInvoicingRuleViolation).Assembly);

    [Fact]
    public void Swedish_HasEveryEnglishText_WithTheSameArguments()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var swedish = Texts(CultureInfo.GetCultureInfo("sv"));

        swedish.Keys.Should().BeEquivalentTo(english.Keys);
        foreach (var (key, text) in english)
        {
            Placeholders(swedish[key]).Should().BeEquivalentTo(Placeholders(text), $"'{key}' takes the same arguments in every language");
        }
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void EveryWarningCode_HasAText(string culture)
    {
        foreach (var code in Enum.GetValues<ProposalWarningCode>())
        {
            var warning = new ProposalWarning(code, IsBlocking: false, ["a", "b", "c", "d", "e", "f"]);
            warning.GetMessage(CultureInfo.GetCultureInfo(culture)).Should().NotBeNullOrWhiteSpace().And.NotContain("{", $"{code} has a text");
        }
    }

    [Fact]
    public void AViolation_IsWordedInTheCallersCulture_FromItsCodeAndArguments()
    {
        var violation = new KlarnaInvoicingRuleViolation(KlarnaInvoicingRule.InvoiceTypeNotAllowed, "Rule_TypeNotAllowed", [InvoiceType.Prepayment, new[] { InvoiceType.Delivery, InvoiceType.Final }]);

        violation.GetMessage(CultureInfo.GetCultureInfo("sv-SE")).Should().Be("En förskottsfaktura är inte tillåten i orderns leveransläge; tillåtna: leveransfaktura, slutfaktura.");
        violation.GetMessage(CultureInfo.GetCultureInfo("en-GB")).Should().Be("A prepayment invoice is not allowed for the order's delivery state; allowed: delivery, final.");
        violation.GetMessage(CultureInfo.GetCultureInfo("de-DE")).Should().StartWith("A prepayment invoice", "a language without a file falls back to English");
    }

    [Fact]
    public void AnUnknownMessageCode_SaysWhichTextIsMissing()
    {
        var act = () => new KlarnaInvoicingRuleViolation(KlarnaInvoicingRule.InvoiceLocked, "Rule_NoSuchText", []).GetMessage(CultureInfo.InvariantCulture);
        act.Should().Throw<InvalidOperationException>().WithMessage("*Rule_NoSuchText*");
    }

    private static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)[:}]")]
    private static partial Regex PlaceholderPattern();
}
