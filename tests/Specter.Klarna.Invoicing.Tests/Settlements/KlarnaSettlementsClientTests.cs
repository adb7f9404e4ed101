using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Settlements.Internal;
using Specter.Klarna.Invoicing.Tests.Klarna;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

public sealed class KlarnaSettlementsClientTests
{
    private const string Base = "http://127.0.0.1:5099/settlements/v1/";
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);

    [Theory]
    [InlineData("settlements-payouts-list-kco-rest-dotnet.json", 0L)]
    [InlineData("settlements-payouts-list-spec-derived.json", 500L)]
    public async Task ListPayouts_ExamplePayloads_Parse(string fixture, long expectedCharge)
    {
        using var host = Host(FirstPageThen(KlarnaTestHost.Fixture(fixture), """{"payouts":[],"pagination":{"count":0}}"""));

        var payouts = await Client(host).ListPayoutsAsync(null, From, To, Currency.FromCode("USD"), CancellationToken.None);

        var payout = payouts.Should().ContainSingle().Subject;
        payout.PaymentReference.Should().Be("XISA93DJ");
        payout.PayoutDate.Should().Be(new DateTimeOffset(2016, 12, 14, 7, 52, 26, TimeSpan.Zero));
        payout.Currency.Should().Be(Currency.FromCode("USD"));
        payout.SettlementType.Should().Be(KlarnaSettlementType.Net);
        payout.Totals.Sale.MinorUnits.Should().Be(500);
        payout.Totals.Settlement.MinorUnits.Should().Be(550);
        payout.Totals.Charge.MinorUnits.Should().Be(expectedCharge);
        host.Stub.Requests[0].Uri.ToString().Should().Be(
            Base + "payouts?start_date=2026-11-01T00%3A00%3A00Z&end_date=2026-11-30T23%3A59%3A59Z&currency_code=USD&size=500&offset=0");
        host.Stub.Requests[1].Uri.Query.Should().EndWith("&offset=1");
    }

    [Theory]
    [InlineData("settlements-payout-kco-rest-dotnet.json")]
    [InlineData("settlements-payout-spec-derived.json")]
    public async Task GetPayout_ExamplePayloads_Parse(string fixture)
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture(fixture)));

        var payout = await Client(host).GetPayoutAsync(null, "XISA93DJ", CancellationToken.None);

        payout.PaymentReference.Should().Be("XISA93DJ");
        payout.Totals.Fee.MinorUnits.Should().Be(500);
        payout.Totals.Holdback.MinorUnits.Should().Be(550);
        host.Stub.Requests.Should().ContainSingle().Which.Uri.ToString().Should().Be(Base + "payouts/XISA93DJ");
        host.Stub.Requests[0].Headers["Authorization"].Should().StartWith("Basic ");
    }

    [Theory]
    [InlineData("settlements-payouts-summary-kco-rest-dotnet.json")]
    [InlineData("settlements-payouts-summary-spec-derived.json")]
    public async Task GetPayoutSummary_ExamplePayloads_Parse(string fixture)
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture(fixture)));

        var summaries = await Client(host).GetPayoutSummaryAsync(null, From, To, null, CancellationToken.None);

        var summary = summaries.Should().ContainSingle().Subject;
        summary.Currency.Code.Should().Be("USD");
        summary.Totals.Sale.MinorUnits.Should().Be(500);
        summary.Totals.Settlement.MinorUnits.Should().Be(550);
        summary.Totals.Repay.MinorUnits.Should().Be(550);
        host.Stub.Requests[0].Uri.ToString().Should().Be(Base + "payouts/summary?start_date=2026-11-01T00%3A00%3A00Z&end_date=2026-11-30T23%3A59%3A59Z");
    }

    [Fact]
    public async Task ListTransactions_SpecDerivedPayload_ParsesEveryField()
    {
        using var host = Host(FirstPageThen(KlarnaTestHost.Fixture("settlements-transactions-list-spec-derived.json"), """{"transactions":[]}"""));

        var transactions = await Client(host).ListTransactionsAsync(null, "XISA93DJ", CancellationToken.None);

        var sale = transactions.Should().ContainSingle().Subject;
        sale.Type.Should().Be(KlarnaTransactionType.Sale);
        sale.DetailedType.Should().Be("PURCHASE");
        sale.Amount.Should().Be(new Money(2000, Currency.FromCode("USD")));
        sale.CaptureId.Should().Be("33db6f16-9f43-43fa-a587-cc51411c98e4");
        sale.OrderId.Should().Be("ce17b4cb-147f-48b7-b8e6-dde2fa397f04");
        sale.PaymentReference.Should().Be("XISA93DJ");
        sale.VatRate.Should().Be(2000);
        sale.VatAmount.Should().Be(new Money(1000, Currency.FromCode("USD")));
        sale.KlarnaComment.Should().Be("Loan Amortisation 2022-12-01");
        host.Stub.Requests[0].Uri.ToString().Should().Be(Base + "transactions?payment_reference=XISA93DJ&size=500&offset=0");
    }

    [Fact]
    public async Task ListTransactions_DotnetPayload_Parses()
    {
        using var host = Host(FirstPageThen(KlarnaTestHost.Fixture("settlements-transactions-list-kco-rest-dotnet.json"), """{"transactions":[]}"""));

        var transactions = await Client(host).ListTransactionsAsync(null, "XISA93DJ", CancellationToken.None);

        var sale = transactions.Should().ContainSingle().Subject;
        sale.MerchantReference1.Should().Be("string");
        sale.MerchantCaptureReference.Should().BeNull();
        sale.VatAmount.Should().BeNull();
    }

    [Fact]
    public async Task ListTransactions_ThreePages_ReadsEveryPageOnce()
    {
        using var host = Host(new StubHandler((request, _, _) =>
        {
            var offset = int.Parse(request.RequestUri!.Query.Split("offset=")[1], System.Globalization.CultureInfo.InvariantCulture);
            var count = Math.Min(2, 5 - offset);
            var items = string.Join(",", Enumerable.Range(offset, count).Select(i =>
                $$$"""{"amount":{{{100 + i}}},"type":"SALE","currency_code":"SEK","order_id":"o{{{i}}}","merchant_capture_reference":"INV-{{{i}}}","unknown_field":{"x":[1]}}"""));
            return Task.FromResult(Json($$$"""{"transactions":[{{{items}}}],"pagination":{"count":{{{count}}},"total":5,"offset":{{{offset}}}}}"""));
        }));

        var transactions = await Client(host).ListTransactionsAsync(null, "REF1", CancellationToken.None);

        transactions.Select(t => t.Amount.MinorUnits).Should().Equal(100, 101, 102, 103, 104);
        transactions.Select(t => t.MerchantCaptureReference).Should().Equal("INV-0", "INV-1", "INV-2", "INV-3", "INV-4");
        host.Stub.Requests.Select(r => r.Uri.Query.Split("offset=")[1]).Should().Equal("0", "2", "4");
    }

    [Fact]
    public async Task ListTransactions_UnknownTypeAndSignedCorrection_AreKept()
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.OK, """
            {"transactions":[
              {"amount":-250,"type":"CORRECTION","detailed_type":"SOMETHING_NEW","currency_code":"sek","order_id":"o1","capture_id":""},
              {"amount":"75","type":"REVENUE_SHARE","currency_code":"SEK","order_id":"o2"}],
             "pagination":{"count":2}}
            """));

        var transactions = await Client(host).ListTransactionsAsync(null, "REF1", CancellationToken.None);

        transactions[0].Type.Should().Be(KlarnaTransactionType.Correction);
        transactions[0].Amount.MinorUnits.Should().Be(-250);
        transactions[0].CaptureId.Should().BeNull("Klarna's empty strings become null");
        transactions[0].DetailedType.Should().Be("SOMETHING_NEW");
        transactions[1].Type.Value.Should().Be("REVENUE_SHARE");
        transactions[1].Amount.MinorUnits.Should().Be(75);
    }

    [Fact]
    public async Task GetPayout_404_ThrowsKlarnaApiExceptionWithoutRetry()
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.NotFound,
            """{"error_code":"NOT_FOUND","error_messages":["Payout not found"],"correlation_id":"c-1"}"""));

        var act = () => Client(host).GetPayoutAsync(null, "NOPE", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<KlarnaApiException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        thrown.ErrorCode.Should().Be("NOT_FOUND");
        thrown.CorrelationId.Should().Be("c-1");
        host.Stub.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task GetPayout_503ThenOk_IsRetriedByTheSharedPipeline()
    {
        using var host = Host(new StubHandler((_, attempt, _) => Task.FromResult(attempt == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : Json(KlarnaTestHost.Fixture("settlements-payout-spec-derived.json")))));

        var payout = await host.DriveAsync(Client(host).GetPayoutAsync(null, "XISA93DJ", CancellationToken.None));

        payout.PaymentReference.Should().Be("XISA93DJ");
        host.Stub.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task ListTransactions_MissingCurrency_IsAnUnusableAnswer()
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.OK, """{"transactions":[{"amount":1,"type":"SALE","order_id":"o"}]}"""));

        var act = () => Client(host).ListTransactionsAsync(null, "REF1", CancellationToken.None);

        (await act.Should().ThrowAsync<KlarnaApiException>()).Which.Message.Should().Contain("currency");
    }

    [Fact]
    public async Task ListPayouts_EndBeforeStart_IsRefusedBeforeSending()
    {
        using var host = Host(StubHandler.Answer(HttpStatusCode.OK, "{}"));

        var act = () => Client(host).ListPayoutsAsync(null, To, From, null, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        host.Stub.Attempts.Should().Be(0);
    }

    private static KlarnaTestHost Host(StubHandler stub) => new(stub, services: s => s.AddKlarnaSettlementsClient());

    private static IKlarnaSettlementsClient Client(KlarnaTestHost host) => host.Services.GetRequiredService<IKlarnaSettlementsClient>();

    private static StubHandler FirstPageThen(string first, string rest) =>
        new((request, _, _) => Task.FromResult(Json(request.RequestUri!.Query.EndsWith("offset=0", StringComparison.Ordinal) ? first : rest)));

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
