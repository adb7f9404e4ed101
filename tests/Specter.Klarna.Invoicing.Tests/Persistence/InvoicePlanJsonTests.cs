using System.Text.Json;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Persistence;

public sealed class InvoicePlanJsonTests
{
    internal static InvoicePlan RichPlan(string number = "F-1001", bool withCapture = true) => new()
    {
        InvoiceNumber = number,
        OrderNumber = "O-åäö-1",
        Type = InvoiceType.Prepayment,
        PrepaymentPercent = 33.3333m,
        Lines =
        [
            new InvoicePlanLine
            {
                Kind = InvoicePlanLineKind.OrderLine,
                OrderLineId = "L1",
                OrderLineKind = OrderLineKind.Goods,
                ArticleNumber = "ART-Ø",
                Description = "Kampanjrabatt åäö ÅÄÖ 日本 \"quoted\" \\ <tag> & emoji 🧾",
                Quantity = 1.250m,
                Unit = "kg",
                VatRate = 12.5m,
                Amount = new Money(long.MaxValue, Currency.SEK),
                VatAmount = new Money(long.MinValue, Currency.SEK),
                DiscountAmount = new Money(0, Currency.SEK),
            },
            new InvoicePlanLine
            {
                Kind = InvoicePlanLineKind.PrepaymentNetting,
                OrderLineKind = OrderLineKind.Shipping,
                Description = "Netting",
                Quantity = 0.000001m,
                VatRate = 0m,
                Amount = new Money(-1, Currency.SEK),
                VatAmount = new Money(0, Currency.SEK),
            },
        ],
        Total = new Money(long.MaxValue - 1, Currency.SEK),
        VatTotal = new Money(long.MinValue + 1, Currency.SEK),
        Capture = withCapture
            ? new KlarnaCapturePlan
            {
                CapturedAmount = new Money(99_999_999, Currency.SEK),
                Reference = number,
                Description = "Faktura åäö",
                Lines =
                [
                    new KlarnaCaptureLine
                    {
                        Type = "physical",
                        Reference = "ART-Ø",
                        Name = "Kampanjrabatt åäö ÅÄÖ 日本",
                        Quantity = long.MaxValue,
                        QuantityUnit = "st",
                        UnitPrice = long.MinValue,
                        TaxRate = 2500,
                        TotalAmount = 99_999_999,
                        TotalDiscountAmount = 1,
                        TotalTaxAmount = 19_999_999,
                    },
                ],
            }
            : null,
    };

    [Fact]
    public void RoundTrip_RichPlan_KeepsEveryProperty()
    {
        var plan = RichPlan();

        var json = InvoicePlanJson.Serialize(plan);
        var back = InvoicePlanJson.Deserialize(json);

        back.Should().BeEquivalentTo(plan, o => o.WithStrictOrdering());
        back.Lines[0].Quantity.Should().Be(1.250m);
        back.Total.MinorUnits.Should().Be(long.MaxValue - 1);
        InvoicePlanJson.Serialize(back).Should().Be(json, "serialization is deterministic");
    }

    [Fact]
    public void RoundTrip_NullCaptureAndJpy_KeepsNullAndCurrency()
    {
        var plan = RichPlan(withCapture: false) with { Total = new Money(12345, Currency.FromCode("JPY")), PrepaymentPercent = null };

        var back = InvoicePlanJson.Deserialize(InvoicePlanJson.Serialize(plan));

        back.Capture.Should().BeNull();
        back.PrepaymentPercent.Should().BeNull();
        back.Total.Should().Be(new Money(12345, Currency.FromCode("JPY")));
    }

    [Fact]
    public void Serialize_Money_IsMinorUnitsAndCurrencyCode_AndTextIsUnescaped()
    {
        var json = InvoicePlanJson.Serialize(RichPlan());

        using var document = JsonDocument.Parse(json);
        var total = document.RootElement.GetProperty("total");
        total.GetProperty("minorUnits").GetInt64().Should().Be(long.MaxValue - 1);
        total.GetProperty("currency").GetString().Should().Be("SEK");
        document.RootElement.GetProperty("type").GetString().Should().Be("Prepayment");
        json.Should().Contain("åäö ÅÄÖ 日本");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("{\"invoiceNumber\":\"1\",\"orderNumber\":\"1\",\"type\":\"Final\",\"lines\":[],\"total\":{\"minorUnits\":1.5,\"currency\":\"SEK\"},\"vatTotal\":{\"minorUnits\":0,\"currency\":\"SEK\"}}")]
    [InlineData("{\"invoiceNumber\":\"1\",\"orderNumber\":\"1\",\"type\":\"Final\",\"lines\":[],\"total\":{\"minorUnits\":1,\"currency\":\"XXX\"},\"vatTotal\":{\"minorUnits\":0,\"currency\":\"SEK\"}}")]
    public void Deserialize_NotAStoredPlan_ThrowsJsonException(string json)
    {
        var act = () => InvoicePlanJson.Deserialize(json);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void ActivationFailure_RoundTrips()
    {
        var failure = new ActivationFailure(403, "CAPTURE_NOT_ALLOWED", ["Åtgärden är inte tillåten", "second"], "corr-1");

        var back = ActivationFailureJson.Deserialize(ActivationFailureJson.Serialize(failure));

        back.Should().BeEquivalentTo(failure, o => o.WithStrictOrdering());
        ActivationFailureJson.Deserialize(ActivationFailureJson.Serialize(new ActivationFailure(null, null, [], null)))
            .Should().BeEquivalentTo(new ActivationFailure(null, null, [], null));
    }
}
