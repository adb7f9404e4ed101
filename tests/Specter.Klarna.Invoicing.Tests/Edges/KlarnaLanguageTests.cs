using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>The texts sent to Klarna follow the merchant profile's language, not always Swedish.</summary>
public sealed class KlarnaLanguageTests
{
    [Theory]
    [InlineData("sv", "Förskottsfaktura 10045", "Förskott 30 %, moms 25 %", "Slutfaktura 10046", "Avräkning förskott, moms 25 %")]
    [InlineData("en", "Prepayment invoice 10045", "Prepayment 30 %, VAT 25 %", "Final invoice 10046", "Prepayment deducted, VAT 25 %")]
    [InlineData("nb", "Forskuddsfaktura 10045", "Forskudd 30 %, mva 25 %", "Sluttfaktura 10046", "Fratrekk forskudd, mva 25 %")]
    [InlineData("da", "Forudbetalingsfaktura 10045", "Forudbetaling 30 %, moms 25 %", "Slutfaktura 10046", "Modregning forudbetaling, moms 25 %")]
    [InlineData("fi", "Ennakkolasku 10045", "Ennakkomaksu 30 %, ALV 25 %", "Loppulasku 10046", "Ennakkomaksun vähennys, ALV 25 %")]
    [InlineData("de", "Vorauszahlungsrechnung 10045", "Vorauszahlung 30 %, MwSt. 25 %", "Schlussrechnung 10046", "Verrechnung Vorauszahlung, MwSt. 25 %")]
    public void CaptureTexts_AreInTheRequestedLanguage(string language, string prepaymentDescription, string prepaymentLine, string finalDescription, string nettingLine)
    {
        var order = Order(Line("A", OrderLineKind.Goods, 1, 1000.00m, 25));
        var prior = new List<InvoicePlan>();
        var culture = CultureInfo.GetCultureInfo(language);

        var prepayment = Plan(order, prior, culture, InvoiceType.Prepayment, 30);
        var final = Plan(order, prior, culture, InvoiceType.Final, null);

        prepayment.Capture!.Description.Should().Be(prepaymentDescription);
        prepayment.Capture.Lines.Single().Name.Should().Be(prepaymentLine);
        final.Capture!.Description.Should().Be(finalDescription);
        final.Capture.Lines.Single(l => l.Type == "discount").Name.Should().Be(nettingLine);
    }

    [Fact]
    public async Task MerchantProfileLanguage_IsUsedForTheCaptureDescription_AndAnUnknownLanguageIsRefusedAtStartUp()
    {
        await using var h = InvoicingHarness.Create(o => o.Merchants[InvoicingHarness.Merchant].Language = "de");
        var order = h.Reserve(Order(Line("A", OrderLineKind.Goods, 1, 100.00m, 25, delivered: 1)) with { OrderNumber = "L-1" });

        var result = await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "L-F1" });

        result.Plan.Capture!.Description.Should().Be("Lieferrechnung L-F1");
        h.Klarna.ReceivedRequests.Single(r => r.Operation == Specter.Klarna.Invoicing.Testing.SimulatedOperation.CreateCapture).Body.Should().Contain("\"description\":\"Lieferrechnung L-F1\"");

        var credit = await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "L-F1", CreditNumber = "L-K1" });
        credit.Plan.Capture!.Description.Should().Be("Gutschrift L-K1", "the refund's description is in the profile's language too");
        h.Klarna.ReceivedRequests.Single(r => r.Operation == Specter.Klarna.Invoicing.Testing.SimulatedOperation.CreateRefund).Body.Should().Contain("\"description\":\"Gutschrift L-K1\"");

        await using var bad = InvoicingHarness.Create(o => o.Merchants[InvoicingHarness.Merchant].Language = "xx");
        var start = () => bad.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KlarnaInvoicingOptions>>().Value;
        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("Language 'xx'");
    }

    private static InvoicePlan Plan(InvoicingOrder order, List<InvoicePlan> prior, CultureInfo language, InvoiceType type, decimal? percent)
    {
        var outcome = InvoicePlanner.Plan(order, prior, new InvoicePlanRequest
        {
            InvoiceNumber = (10045 + prior.Count).ToString(CultureInfo.InvariantCulture),
            Type = type,
            PrepaymentPercent = percent,
            Language = language,
        });
        outcome.Violations.Should().BeEmpty();
        prior.Add(outcome.Plan!);
        return outcome.Plan!;
    }
}
