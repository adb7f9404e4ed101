using System.Text;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Tests.Klarna;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>Every answer the fuzzer (or its review) found mishandled, kept as a fixed case.</summary>
public sealed class ResponseFuzzRegressionTests
{
    private static readonly string OrderJson = KlarnaTestHost.Fixture("docs-get-order-response-REPAIRED.json");

    private static FuzzAnswer Answer(int status, string body, string[]? captureIds = null, string? retryAfter = null, FuzzDelivery delivery = FuzzDelivery.AllAtOnce, long filler = 0) =>
        new(status, "regression", Encoding.UTF8.GetBytes(body), filler, [], "application/json", captureIds ?? [], [], retryAfter, delivery);

    private static async Task<(Exception? Error, long MostRead)> GetOrderAsync(FuzzAnswer answer)
    {
        var streams = new List<FuzzBodyStream>();
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => Task.FromResult(answer.ToResponse(streams))));
        var error = await Record.ExceptionAsync(() => host.DriveAsync(host.Client.GetOrderAsync(null, KlarnaTestHost.OrderId, CancellationToken.None), TimeSpan.FromSeconds(2)));
        return (error, streams.Max(s => s.BytesRead));
    }

    [Fact]
    public async Task RetryAfterOfThreeYears_IsCappedAtMaxDelay_NotAnArgumentOutOfRangeFromTaskDelay()
    {
        var (error, _) = await GetOrderAsync(Answer(503, "", retryAfter: "99999999"));

        error.Should().BeOfType<KlarnaApiException>().Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        KlarnaResilience.RetryAfterDelay(Answer(503, "", retryAfter: "99999999").ToResponse([])).Should().Be(KlarnaResilience.MaxDelay);
        KlarnaResilience.RetryAfterDelay(Answer(503, "", retryAfter: "-5").ToResponse([])).Should().BeNull("an unreadable value falls back to the backoff");
    }

    [Theory]
    [InlineData("\"remaining_authorized_amount\": 0", "\"remaining_authorized_amount\": -1", "remaining_authorized_amount")]
    [InlineData("\"captured_amount\": 200", "\"captured_amount\": 9223372036854775807", "captured_amount")]
    [InlineData("\"purchase_currency\": \"PLN\"", "\"purchase_currency\": \"PLN\\u0000\"", "purchase_currency")]
    [InlineData("\"purchase_currency\": \"PLN\"", "\"purchase_currency\": \"XTS\"", "purchase_currency")]
    public async Task ImplausibleOrderAnswer_IsAnAmbiguousKlarnaApiException(string from, string to, string field)
    {
        OrderJson.Should().Contain(from);

        var (error, _) = await GetOrderAsync(Answer(200, OrderJson.Replace(from, to, StringComparison.Ordinal)));

        var api = error.Should().BeOfType<KlarnaApiException>().Which;
        api.Message.Should().Contain(field);
        api.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous);
    }

    [Fact]
    public async Task DuplicatedFieldInAnAnswer_IsRefused_NotLastOneWins()
    {
        var (error, _) = await GetOrderAsync(Answer(200, "{\"order_amount\": 1, " + OrderJson.TrimStart()[1..]));

        error.Should().BeOfType<KlarnaApiException>().Which.Message.Should().Contain("not the expected JSON");
    }

    [Fact]
    public async Task EnormousBody_IsReadOnlyUpToTheLimit()
    {
        var (error, mostRead) = await GetOrderAsync(Answer(200, "{\"order_id\": \"", filler: 64L * 1024 * 1024));

        error.Should().BeOfType<KlarnaApiException>().Which.Message.Should().Contain("larger than");
        mostRead.Should().Be(KlarnaOrderManagementClient.MaxResponseBodyBytes + 1);
    }

    [Fact]
    public async Task StalledBody_TimesOutAfterTheReadAttemptTimeout_InFakeTime()
    {
        var (error, mostRead) = await GetOrderAsync(Answer(200, OrderJson, delivery: FuzzDelivery.Stall));

        error.Should().BeOfType<TimeoutRejectedException>();
        mostRead.Should().Be(8);
    }

    [Theory]
    [InlineData(new[] { FuzzAnswer.ValidCaptureId, "0d9f4c62-0000-4000-8000-000000000000" }, "2 times")]
    [InlineData(new[] { "../../orders" }, "malformed")]
    [InlineData(new string[0], "missing")]
    public async Task A201WithoutOneWellFormedCaptureId_IsAmbiguous_NeverAnId(string[] ids, string problem)
    {
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => Task.FromResult(Answer(201, "", ids).ToResponse([]))));

        var error = await Record.ExceptionAsync(() => host.Client.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None));

        var api = error.Should().BeOfType<KlarnaApiException>().Which;
        api.Message.Should().Contain("Capture-Id").And.Contain(problem);
        api.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous, "Klarna said 201: money may have moved");
    }
}
