using System.Net;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaResilienceTests
{
    private const string OrderId = KlarnaTestHost.OrderId;

    private static StubHandler Sequence(params Func<HttpResponseMessage>[] answers) =>
        new((_, attempt, _) => Task.FromResult(answers[Math.Min(attempt, answers.Length) - 1]()));

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status);

    private static HttpResponseMessage CaptureCreated()
    {
        var response = new HttpResponseMessage(HttpStatusCode.Created);
        response.Headers.Add("Capture-Id", "cap-1");
        return response;
    }

    [Fact]
    public async Task Capture_503ThenCreated_RetriesOnceWithSameKeyAndSameBytes()
    {
        using var host = new KlarnaTestHost(Sequence(() => Status(HttpStatusCode.ServiceUnavailable), CaptureCreated));
        var body = KlarnaTestHost.CaptureBody();

        var created = await host.DriveAsync(host.Client.CreateCaptureAsync(null, OrderId, body, "key-42", CancellationToken.None));

        created.Id.Should().Be("cap-1");
        host.Stub.Requests.Should().HaveCount(2);
        host.Stub.Requests.Should().AllSatisfy(r =>
        {
            r.Headers["Klarna-Idempotency-Key"].Should().Be("key-42");
            r.Body.Should().Equal(body);
        });
    }

    [Fact]
    public async Task Capture_503Always_GivesUpAfterOneRetry_Ambiguous()
    {
        using var host = new KlarnaTestHost(Sequence(() => Status(HttpStatusCode.ServiceUnavailable)));

        var task = host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), "key-1", CancellationToken.None);
        var exception = await Record(host, task);

        var api = exception.Should().BeOfType<KlarnaApiException>().Subject;
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        api.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous);
        host.Stub.Attempts.Should().Be(1 + KlarnaResilience.MaxWriteRetries);
        host.Stub.Requests.Select(r => r.Headers["Klarna-Idempotency-Key"]).Should().AllBe("key-1");
    }

    [Fact]
    public async Task Get_503Always_RetriedTwiceThenGivenUp()
    {
        using var host = new KlarnaTestHost(Sequence(() => Status(HttpStatusCode.ServiceUnavailable)));

        var exception = await Record(host, host.Client.GetOrderAsync(null, OrderId, CancellationToken.None));

        exception.Should().BeOfType<KlarnaApiException>().Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.Stub.Attempts.Should().Be(1 + KlarnaResilience.MaxReadRetries);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task Capture_Other4xx_IsNeverRetried(HttpStatusCode status)
    {
        using var host = new KlarnaTestHost(Sequence(() => new HttpResponseMessage(status)
        {
            Content = new StringContent("""{"error_code":"CAPTURE_NOT_ALLOWED","error_messages":["no"],"correlation_id":"c-1"}"""),
        }));

        var exception = await Record(host, host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None));

        exception.Should().BeOfType<KlarnaApiException>().Which.StatusCode.Should().Be(status);
        host.Stub.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Capture_429WithRetryAfter_IsWaitedOutThenSucceeds()
    {
        using var host = new KlarnaTestHost(Sequence(
            () =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return response;
            },
            CaptureCreated));

        var task = host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None);
        var created = await host.DriveAsync(task, TimeSpan.FromMilliseconds(100));

        created.Id.Should().Be("cap-1");
        host.Stub.Attempts.Should().Be(2);
        // Fake time moves only in 100 ms steps while the call is open, so the repeat's time on that clock says when it was sent.
        var waited = host.Stub.AttemptTimes[1] - host.Stub.AttemptTimes[0];
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7), "Retry-After asks for 7 s").And.BeLessThan(TimeSpan.FromSeconds(7.5));
    }

    [Fact]
    public async Task Get_429Always_EndsAsAmbiguousKlarnaApiException()
    {
        using var host = new KlarnaTestHost(Sequence(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"error_code":"TOO_MANY_REQUESTS","error_messages":["Too many requests"],"correlation_id":"c"}"""),
        }));

        var exception = await Record(host, host.Client.GetOrderAsync(null, OrderId, CancellationToken.None));

        var api = exception.Should().BeOfType<KlarnaApiException>().Subject;
        api.ErrorCode.Should().Be("TOO_MANY_REQUESTS");
        api.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous);
        host.Stub.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task Capture_Hanging_SurfacesAsTimeoutRejected_NeverSuccessNorRefusal()
    {
        using var host = new KlarnaTestHost(new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return CaptureCreated();
        }));

        var exception = await Record(host, host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), "key-t", CancellationToken.None), TimeSpan.FromSeconds(1));

        exception.Should().BeOfType<TimeoutRejectedException>();
        KlarnaFailureKinds.Classify(exception!).Should().Be(KlarnaFailureKind.Ambiguous);
        host.Stub.Attempts.Should().Be(1, "a write whose attempt timed out is never repeated in-process: Klarna may still be working on it");
    }

    [Fact]
    public async Task Get_ConnectionReset_RetriedThenHttpRequestException()
    {
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => throw new HttpRequestException("Connection reset by peer")));

        var exception = await Record(host, host.Client.GetOrderAsync(null, OrderId, CancellationToken.None));

        exception.Should().BeOfType<HttpRequestException>();
        host.Stub.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task CallerCancellation_IsNotRetried()
    {
        using var cts = new CancellationTokenSource();
        using var host = new KlarnaTestHost(new StubHandler(async (_, _, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));

        var exception = await Record(host, host.Client.GetOrderAsync(null, OrderId, cts.Token));

        exception.Should().BeAssignableTo<OperationCanceledException>();
        host.Stub.Attempts.Should().Be(1);
    }

    private static async Task<Exception?> Record<T>(KlarnaTestHost host, Task<T> task, TimeSpan? step = null)
    {
        try
        {
            await host.DriveAsync(task, step);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
