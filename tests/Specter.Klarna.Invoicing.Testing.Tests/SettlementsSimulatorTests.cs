using System.Net;
using System.Text.Json;
using Json.Schema;

namespace Specter.Klarna.Invoicing.Testing.Tests;

/// <summary>
/// The Settlements API side of the simulator, over raw HTTP: payouts made from its own captures and refunds, fees by the
/// configured rate (hand-computed below), Klarna's paging, filters and request validation, and the spec's schemas.
/// </summary>
public sealed class SettlementsSimulatorTests
{
    private const string Spec = "settlements-api-openapi.json";
    private static readonly DateTimeOffset PayoutDate = SimulatorHarness.Start.AddDays(7);

    // 2.99 % + 3.00 fixed, 25 % VAT. INV-1 10 000: fee 299 (299.00), VAT 75 (74.75); fixed 300, VAT 75.
    // INV-2 25 050: fee 749 (748.995), VAT 187 (187.25); fixed 300, VAT 75. Refund CN-1 2 000.
    // Settlement = 35 050 − (299 + 300 + 749 + 300) − (75 + 75 + 187 + 75) − 2 000 = 35 050 − 1 648 − 412 − 2 000 = 30 990.
    private static void Fees(KlarnaSimulatorOptions o)
    {
        o.PayoutFeeRate = 299;
        o.PayoutFixedFee = 300;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClosePayoutPeriod_PaysCapturesAndRefunds_WithHandComputedFees(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer, Fees);
        var (orderId, captureIds) = await CaptureTwoAndRefundAsync(h);

        var payout = h.Simulator.ClosePayoutPeriod(PayoutDate).Should().ContainSingle().Subject;

        payout.Should().Be(new SimulatedPayout("SP000001", SimulatorHarness.Merchant, "SEK", PayoutDate, "NET", 30_990, 35_050, 2_000, 1_648, 412, 0, 7));
        var json = await (await h.Client.GetAsync("settlements/v1/payouts/SP000001")).JsonAsync();
        json.GetProperty("totals").GetProperty("settlement_amount").GetInt64().Should().Be(30_990);
        json.GetProperty("payout_date").GetString().Should().Be("2026-01-08T12:00:00Z");
        var transactions = (await (await h.Client.GetAsync("settlements/v1/transactions?payment_reference=SP000001")).JsonAsync()).GetProperty("transactions").EnumerateArray().ToList();
        transactions.Select(t => (Type(t), t.GetProperty("amount").GetInt64(), Text(t, "merchant_capture_reference") ?? Text(t, "merchant_refund_reference"), t.GetProperty("capture_id").GetString(), Vat(t)))
            .Should().Equal(
                ("SALE", 10_000L, "INV-1", captureIds[0], (long?)null),
                ("FEE", 299L, null, captureIds[0], 75L),
                ("FEE", 300L, null, captureIds[0], 75L),
                ("SALE", 25_050L, "INV-2", captureIds[1], null),
                ("FEE", 749L, null, captureIds[1], 187L),
                ("FEE", 300L, null, captureIds[1], 75L),
                ("RETURN", 2_000L, "CN-1", string.Empty, null));
        transactions.Should().OnlyContain(t => t.GetProperty("order_id").GetString() == orderId && t.GetProperty("payment_reference").GetString() == "SP000001");
    }

    [Fact]
    public async Task Refund_IsAReturnWithItsReferenceAndRefundId_AndAnEmptyCaptureId()
    {
        await using var h = await SimulatorHarness.CreateAsync(configure: Fees);
        var orderId = h.SeedOrder(50_000);
        (await h.CaptureAsync(orderId, 10_000, reference: "INV-1")).EnsureSuccessStatusCode();
        h.Simulator.ClosePayoutPeriod(PayoutDate);
        using var refund = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", """{"refunded_amount":2000,"reference":"CN-1"}""");

        var second = h.Simulator.ClosePayoutPeriod(PayoutDate.AddDays(7)).Should().ContainSingle().Subject;

        second.SettlementAmount.Should().Be(-2_000, "a payout with only a return deducts it");
        var t = (await (await h.Client.GetAsync("settlements/v1/transactions?payment_reference=" + second.PaymentReference)).JsonAsync()).GetProperty("transactions")[0];
        (Type(t), t.GetProperty("detailed_type").GetString(), t.GetProperty("amount").GetInt64(), Text(t, "merchant_refund_reference"), t.GetProperty("capture_id").GetString())
            .Should().Be(("RETURN", "PURCHASE_RETURN", 2_000L, "CN-1", string.Empty));
        t.GetProperty("refund_id").GetString().Should().Be(refund.Headers.GetValues("Refund-Id").Single());
    }

    [Fact]
    public async Task ClosePayoutPeriod_NeverPaysTwice_AndLeavesLaterCapturesForTheNextPayout()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(50_000);
        (await h.CaptureAsync(orderId, 10_000, reference: "INV-1")).EnsureSuccessStatusCode();
        var first = h.Simulator.ClosePayoutPeriod(SimulatorHarness.Start.AddMinutes(-1));
        h.Simulator.ClosePayoutPeriod(PayoutDate).Should().ContainSingle().Which.SaleAmount.Should().Be(10_000);
        var again = h.Simulator.ClosePayoutPeriod(PayoutDate);
        (await h.CaptureAsync(orderId, 5_000, reference: "INV-2")).EnsureSuccessStatusCode();
        h.Simulator.AddPayoutCorrection(orderId, -700, "FIXED_FEE_CORRECTION_SE", "Fee 2025-12");
        var later = h.Simulator.ClosePayoutPeriod(PayoutDate.AddDays(7)).Should().ContainSingle().Subject;

        first.Should().BeEmpty("nothing was captured before that date");
        again.Should().BeEmpty();
        (later.PaymentReference, later.SaleAmount, later.CorrectionAmount, later.SettlementAmount).Should().Be(("SP000002", 5_000L, -700L, 4_300L));
        h.Simulator.Payouts.Select(p => p.PaymentReference).Should().Equal("SP000001", "SP000002");
    }

    [Fact]
    public async Task Gross_ListsFeesButDoesNotDeductThem()
    {
        await using var h = await SimulatorHarness.CreateAsync(configure: o => { Fees(o); o.MerchantSettlementType = "GROSS"; });
        await CaptureTwoAndRefundAsync(h);

        var payout = h.Simulator.ClosePayoutPeriod(PayoutDate).Single();

        (payout.SettlementType, payout.FeeAmount, payout.SettlementAmount).Should().Be(("GROSS", 1_648L, 35_050L - 2_000L));
    }

    [Theory]
    [InlineData(-1, 0, 2500, "NET")]
    [InlineData(10_001, 0, 2500, "NET")]
    [InlineData(0, -1, 2500, "NET")]
    [InlineData(0, 0, 10_001, "NET")]
    [InlineData(0, 0, 2500, "GROSS_FEE")]
    [InlineData(0, 0, 2500, "net")]
    public void PayoutOptionsOutOfRange_AreRefusedAtConstruction(int rate, long fixedFee, int vatRate, string settlementType)
    {
        var create = () => new KlarnaSimulator(new KlarnaSimulatorOptions { PayoutFeeRate = rate, PayoutFixedFee = fixedFee, PayoutFeeVatRate = vatRate, MerchantSettlementType = settlementType });

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
    }

    [Fact]
    public async Task Paging_FollowsSizeAndOffset_WithNextAndPrevLinksPerTheSpec()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(50_000);
        for (var i = 1; i <= 5; i++)
        {
            (await h.CaptureAsync(orderId, 1_000 * i, reference: "INV-" + i)).EnsureSuccessStatusCode();
        }

        h.Simulator.ClosePayoutPeriod(PayoutDate);
        var amounts = new List<long>();
        var links = new List<(string? Next, string? Prev)>();
        var url = "settlements/v1/transactions?payment_reference=SP000001&size=2";
        while (url is not null)
        {
            var page = await (await h.Client.GetAsync(url)).JsonAsync();
            amounts.AddRange(page.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("amount").GetInt64()));
            var pagination = page.GetProperty("pagination");
            pagination.GetProperty("total").GetInt32().Should().Be(5);
            links.Add((Text(pagination, "next"), Text(pagination, "prev")));
            url = Text(pagination, "next");
        }

        amounts.Should().Equal(1_000, 2_000, 3_000, 4_000, 5_000);
        links.Should().Equal(
            ("https://api.playground.klarna.com/settlements/v1/transactions?payment_reference=SP000001&offset=2&size=2", null),
            ("https://api.playground.klarna.com/settlements/v1/transactions?payment_reference=SP000001&offset=4&size=2", "https://api.playground.klarna.com/settlements/v1/transactions?payment_reference=SP000001&offset=0&size=2"),
            (null, "https://api.playground.klarna.com/settlements/v1/transactions?payment_reference=SP000001&offset=2&size=2"));
    }

    [Fact]
    public async Task Payouts_FilterByPayoutDateRangeAndCurrency_AndTheSummarySumsPerCurrency()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var sek = h.SeedOrder(50_000);
        var eur = h.Simulator.SeedOrder(new SimulatedOrder { Currency = "EUR", Country = "DE", Locale = "de-DE", OrderLines = [new SimulatedOrderLine { Name = "W", Quantity = 1, UnitPrice = 9_000, TaxRate = 1900 }], Merchant = SimulatorHarness.Merchant });
        (await h.CaptureAsync(sek, 1_000, reference: "S-1")).EnsureSuccessStatusCode();
        (await h.CaptureAsync(eur, 9_000, reference: "E-1")).EnsureSuccessStatusCode();
        h.Simulator.ClosePayoutPeriod(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero)); // by currency: SP000001 EUR, SP000002 SEK
        (await h.CaptureAsync(sek, 2_000, reference: "S-2")).EnsureSuccessStatusCode();
        h.Simulator.ClosePayoutPeriod(new DateTimeOffset(2026, 1, 12, 6, 0, 0, TimeSpan.Zero)); // SP000003 SEK

        async Task<string[]> Refs(string query) => [.. (await (await h.Client.GetAsync("settlements/v1/payouts?" + query)).JsonAsync())
            .GetProperty("payouts").EnumerateArray().Select(p => p.GetProperty("payment_reference").GetString()!)];

        (await Refs(string.Empty)).Should().Equal("SP000001", "SP000002", "SP000003");
        (await Refs("start_date=2026-01-06T00:00:00Z&end_date=2026-01-31T23:59:59Z")).Should().Equal("SP000003");
        (await Refs("start_date=2026-01-05&end_date=2026-01-05T23:59:59Z&currency_code=EUR")).Should().Equal("SP000001");
        var summary = (await (await h.Client.GetAsync("settlements/v1/payouts/summary?start_date=2026-01-01T00:00:00Z&end_date=2026-01-31T23:59:59Z")).JsonAsync()).EnumerateArray()
            .Select(s => (s.GetProperty("summary_settlement_currency").GetString(), s.GetProperty("summary_total_sale_amount").GetInt64(), s.GetProperty("summary_total_settlement_amount").GetInt64()));
        summary.Should().Equal(("EUR", 9_000L, 9_000L), ("SEK", 3_000L, 3_000L));
    }

    [Theory]
    [InlineData("settlements/v1/payouts?size=501", "Bad value: size (must be an integer between 1 and 500)")]
    [InlineData("settlements/v1/payouts?offset=-1", "Bad value: offset (must be an integer between 0 and 2147483647)")]
    [InlineData("settlements/v1/payouts?start_date=yesterday", "Bad value: start_date (must be an ISO 8601 date-time such as 2020-01-23T00:00:00Z)")]
    [InlineData("settlements/v1/payouts?currency_code=sek", "Bad value: currency_code (must be an ISO 4217 code such as SEK)")]
    [InlineData("settlements/v1/payouts?paymentReference=X", "Bad value: paymentReference (unknown query parameter)")]
    [InlineData("settlements/v1/transactions?payment_reference=A&payment_reference=B", "Bad value: payment_reference (given more than once)")]
    [InlineData("settlements/v1/payouts/summary?start_date=2026-01-01T00:00:00Z", "Bad value: end_date (required)")]
    [InlineData("settlements/v1/payouts/SP000001?size=2", "Bad value: size (unknown query parameter)")]
    public async Task BadQuery_Is400BadValue_NamingTheParameter(string url, string message)
    {
        await using var h = await SimulatorHarness.CreateAsync();

        var error = await (await h.Client.GetAsync(url)).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "BAD_VALUE");

        error.GetProperty("error_messages").EnumerateArray().Select(m => m.GetString()).Should().Equal(message);
    }

    [Fact]
    public async Task SettlementsAreGetOnly_Authenticated_AndPerMerchant()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var theirs = h.SeedOrder(merchant: "other");
        h.Simulator.Orders.Should().ContainSingle();
        using (var capture = new HttpRequestMessage(HttpMethod.Post, $"ordermanagement/v1/orders/{theirs}/captures"))
        {
            capture.Headers.Authorization = SimulatorHarness.Basic("other", "other-password");
            capture.Content = new StringContent("""{"captured_amount":10000,"reference":"THEIRS"}""", System.Text.Encoding.UTF8, "application/json");
            (await h.Client.SendAsync(capture)).EnsureSuccessStatusCode();
        }

        h.Simulator.ClosePayoutPeriod(PayoutDate, merchant: "other").Should().ContainSingle().Which.Merchant.Should().Be("other");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "settlements/v1/payouts");
        wrong.Headers.Authorization = SimulatorHarness.Basic(SimulatorHarness.Merchant, "wrong");

        await (await h.Client.SendAsync(wrong)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await h.SendAsync(HttpMethod.Post, "settlements/v1/payouts", "{}")).ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        await (await h.Client.GetAsync("settlements/v1/payouts/SP000001")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await h.Client.GetAsync("settlements/v1/reports/payout?payment_reference=SP000001")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await (await h.Client.GetAsync("settlements/v1/payouts")).JsonAsync()).GetProperty("payouts").GetArrayLength().Should().Be(0);
        h.Simulator.ReceivedRequests.Where(r => r.Path.StartsWith("/settlements/", StringComparison.Ordinal)).Select(r => r.Operation)
            .Should().Equal(SimulatedOperation.ListPayouts, SimulatedOperation.ListPayouts, SimulatedOperation.GetPayout, null, SimulatedOperation.ListPayouts);
    }

    [Fact]
    public async Task PayoutTransactionsAndSummary_ValidateAgainstTheSettlementsSpec()
    {
        await using var h = await SimulatorHarness.CreateAsync(configure: Fees);
        await CaptureTwoAndRefundAsync(h);
        h.Simulator.ClosePayoutPeriod(PayoutDate);
        var orderId = h.Simulator.Orders.Single().OrderId;
        h.Simulator.AddPayoutCorrection(orderId, 150, "CORRECTION", "Goodwill");
        h.Simulator.ClosePayoutPeriod(PayoutDate.AddDays(7));

        foreach (var (url, schema) in new[]
        {
            ("settlements/v1/payouts?size=1", "PayoutCollection"),
            ("settlements/v1/payouts/SP000001", "Payout"),
            ("settlements/v1/transactions?size=500", "TransactionCollection"),
        })
        {
            var json = await (await h.Client.GetAsync(url)).JsonAsync();
            var result = SchemaTests.SchemaFor(schema, Spec).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
            result.IsValid.Should().BeTrue(url + ": " + JsonSerializer.Serialize(result));
        }

        var summary = await (await h.Client.GetAsync("settlements/v1/payouts/summary?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T23:59:59Z")).JsonAsync();
        summary.GetArrayLength().Should().Be(1);
        var summaryResult = SchemaTests.SchemaFor("PayoutSummary", Spec).Evaluate(summary[0], new EvaluationOptions { OutputFormat = OutputFormat.List });
        summaryResult.IsValid.Should().BeTrue(JsonSerializer.Serialize(summaryResult));
    }

    private static async Task<(string OrderId, string[] CaptureIds)> CaptureTwoAndRefundAsync(SimulatorHarness h)
    {
        var orderId = h.SeedOrder(50_000);
        using var first = await h.CaptureAsync(orderId, 10_000, reference: "INV-1");
        using var second = await h.CaptureAsync(orderId, 25_050, reference: "INV-2");
        h.Time.Advance(TimeSpan.FromDays(1));
        using var refund = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", """{"refunded_amount":2000,"reference":"CN-1"}""");
        refund.StatusCode.Should().Be(HttpStatusCode.Created);
        return (orderId, [first.Headers.GetValues("Capture-Id").Single(), second.Headers.GetValues("Capture-Id").Single()]);
    }

    private static string Type(JsonElement t) => t.GetProperty("type").GetString()!;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static long? Vat(JsonElement t) => t.TryGetProperty("vat_amount", out var v) ? v.GetInt64() : null;
}
