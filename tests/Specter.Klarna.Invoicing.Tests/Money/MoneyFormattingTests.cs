using System.Globalization;

namespace Specter.Klarna.Invoicing.Tests.Monetary;

/// <summary>Money reads as money: major units with the currency's decimals, never minor units that look like kronor.</summary>
public sealed class MoneyFormattingTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData(382030, "SEK", "3820.30 SEK")]
    [InlineData(-150, "SEK", "-1.50 SEK")]
    [InlineData(5, "EUR", "0.05 EUR")]
    [InlineData(1500, "JPY", "1500 JPY")]
    [InlineData(12345, "KWD", "12.345 KWD")]
    public void ToString_IsInvariantMajorUnitsWithTheCurrencysDecimals(long minorUnits, string currency, string expected)
    {
        var money = new Money(minorUnits, Currency.FromCode(currency));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Swedish; // the thread's culture must not change it
        try
        {
#pragma warning disable CA1305 // the parameterless ToString is what this test is about
            money.ToString().Should().Be(expected);
#pragma warning restore CA1305
            $"{money}".Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(382030, "SEK", "sv-SE", "3 820,30 kr")]
    [InlineData(382030, "EUR", "sv", "3 820,30 EUR")]
    [InlineData(-150, "SEK", "sv-SE", "-1,50 kr")]
    [InlineData(382030, "SEK", "en-GB", "SEK 3,820.30")]
    [InlineData(382030, "SEK", "en-US", "SEK 3,820.30")]
    [InlineData(1500, "JPY", "en-US", "JPY 1,500")]
    [InlineData(382030, "SEK", "", "SEK 3,820.30")]
    public void ToStringWithCulture_IsTheDisplayFormat(long minorUnits, string currency, string culture, string expected)
    {
        var money = new Money(minorUnits, Currency.FromCode(currency));

        money.ToString(CultureInfo.GetCultureInfo(culture)).Should().Be(expected);
        string.Create(CultureInfo.GetCultureInfo(culture), $"{money}").Should().Be(expected);
    }

    [Fact]
    public void FormatI_IsInvariantWhateverTheProvider() =>
        new Money(382030, Currency.SEK).ToString("I", Swedish).Should().Be("3820.30 SEK");

    [Fact]
    public void UnknownFormat_Throws()
    {
        var act = () => new Money(1, Currency.SEK).ToString("C", English);
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void TheSameAmount_ReadsTheSameInRuleMessagesWarningsAndTooltips()
    {
        var total = new Money(37387, Currency.SEK);
        var limit = new Money(37000, Currency.SEK);
        var violation = Specter.Klarna.Invoicing.Capture.Internal.PlanningViolations.ExceedsAuthorized(total, limit);
        var warning = Specter.Klarna.Invoicing.Internal.ReservationChecks.ExceedsRemaining(total, limit);
        var status = new InvoiceActivationStatus { InvoiceNumber = "1", State = ActivationState.Pending, Amount = total, KlarnaOrderId = "k" };

        foreach (var (culture, text) in new[] { (Swedish, "373,87 kr"), (English, "SEK 373.87") })
        {
            violation.GetMessage(culture).Should().Contain(text);
            warning.GetMessage(culture).Should().Contain(text);
            status.GetTooltip(culture).Should().Contain(text);
        }
    }
}
