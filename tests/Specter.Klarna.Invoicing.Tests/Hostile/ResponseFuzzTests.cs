using System.Net;
using CsCheck;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Tests.Klarna;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// Thousands of generated answers (CsCheck) fed to the Order Management client's response handling. Only the documented
/// exceptions come out; a 2xx is never reported as a definitive refusal; a capture id is returned only when exactly one
/// well-formed id came with a 201; the bytes read stay bounded whatever the body's size.
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int IterationsPerOperation = 600;
    private static readonly string OrderJson = KlarnaTestHost.Fixture("docs-get-order-response-REPAIRED.json");
    private static readonly string CaptureJson = KlarnaTestHost.Fixture("docs-get-capture-response.json");

    private sealed record Operation(string Name, int Expected, string ValidBody, Func<IKlarnaOrderManagementClient, Task<object>> Call);

    private static readonly Operation[] Operations =
    [
        new("GetOrder", 200, OrderJson, async c => await c.GetOrderAsync(null, KlarnaTestHost.OrderId, CancellationToken.None)),
        new("ListCaptures", 200, "[" + CaptureJson + "]", async c => await c.ListCapturesAsync(null, KlarnaTestHost.OrderId, CancellationToken.None)),
        new("GetCapture", 200, CaptureJson, async c => await c.GetCaptureAsync(null, KlarnaTestHost.OrderId, FuzzAnswer.ValidCaptureId, CancellationToken.None)),
        new("CreateCapture", 201, "{}", async c => await c.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "fuzz-key", CancellationToken.None)),
        new("CancelOrder", 204, "{}", async c => { await c.CancelOrderAsync(null, KlarnaTestHost.OrderId, "fuzz-key", CancellationToken.None); return true; }),
    ];

    [Fact]
    public async Task ClientResponseHandling_SurvivesThousandsOfHostileAnswers()
    {
        FuzzAnswer current = null!;
        var streams = new List<FuzzBodyStream>();
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => Task.FromResult(current.ToResponse(streams))));
        var tally = new Dictionary<string, int>();
        long maxRead = 0;
        foreach (var operation in Operations)
        {
            await FuzzAnswers.For(operation.Expected, operation.ValidBody).SampleAsync(
                async answer =>
                {
                    current = answer;
                    lock (streams)
                    {
                        streams.Clear();
                    }

                    var (result, exception) = await RunAsync(host, operation);
                    string outcome = Check(operation, answer, result, exception);
                    long read = BytesRead(streams, answer, operation);
                    maxRead = Math.Max(maxRead, read);
                    tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
                },
                writeLine: output.WriteLine,
                iter: IterationsPerOperation,
                threads: 1,
                print: a => a.ToString());
        }

        output.WriteLine($"response fuzzing: {Operations.Length} operations × {IterationsPerOperation} answers = {Operations.Length * IterationsPerOperation}; most bytes read from one body: {maxRead} (limit {KlarnaOrderManagementClient.MaxResponseBodyBytes + 1})");
        output.WriteLine("outcomes: " + string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}")));
        tally.Keys.Should().Contain(k => k.StartsWith("success", StringComparison.Ordinal)).And.Contain(k => k.StartsWith("KlarnaApiException", StringComparison.Ordinal));
    }

    private static async Task<(object? Result, Exception? Exception)> RunAsync(KlarnaTestHost host, Operation operation)
    {
        try
        {
            return (await host.DriveAsync(operation.Call(host.Client), TimeSpan.FromSeconds(2)), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    /// <summary>The properties every answer must satisfy; returns the outcome's name for the tally.</summary>
    private static string Check(Operation operation, FuzzAnswer answer, object? result, Exception? exception)
    {
        if (exception is null)
        {
            answer.Status.Should().Be(operation.Expected, "only the expected status is a success");
            if (result is KlarnaCreated created)
            {
                created.Id.Should().Be(FuzzAnswer.ValidCaptureId, "a capture id is returned only when exactly one well-formed id came");
                answer.CaptureIds.Distinct().Should().Equal([FuzzAnswer.ValidCaptureId]);
            }

            if (result is KlarnaOrder order)
            {
                new[] { order.OrderAmount, order.CapturedAmount, order.RefundedAmount, order.RemainingAuthorizedAmount }.Should().OnlyContain(a => a.MinorUnits >= 0, "amounts are never negative");
                new[] { order.OrderAmount, order.CapturedAmount, order.RefundedAmount, order.RemainingAuthorizedAmount }.Should().OnlyContain(a => a.Currency == order.Currency, "every amount is in the order's currency");
                order.Currency.Code.Should().MatchRegex("^[A-Z]{3}$");
            }

            return "success " + operation.Name;
        }

        exception.Should().Match<Exception>(
            e => e is KlarnaApiException || e is HttpRequestException || e is TimeoutRejectedException,
            $"only documented exceptions may escape, not {exception.GetType().Name}: {exception.Message}");
        exception.Message.Should().NotContain(KlarnaTestHost.Password).And.NotContain(KlarnaTestHost.Username);
        if (exception is KlarnaApiException api)
        {
            api.StatusCode.Should().Be((HttpStatusCode)answer.Status);
            api.Message.Length.Should().BeLessThan(8 * 1024, "an excerpt, not the body");
            if (api.FailureKind == KlarnaFailureKind.Definitive)
            {
                answer.Status.Should().BeInRange(400, 499, "only a 4xx is a definitive refusal").And.NotBe(408).And.NotBe(409).And.NotBe(429);
            }
        }

        return exception.GetType().Name;
    }

    /// <summary>Memory stays bounded: no body is read beyond the client's limit, however large it is.</summary>
    private static long BytesRead(List<FuzzBodyStream> streams, FuzzAnswer answer, Operation operation)
    {
        long most;
        lock (streams)
        {
            most = streams.Count == 0 ? 0 : streams.Max(s => s.BytesRead);
        }

        long limit = answer.Status == operation.Expected ? KlarnaOrderManagementClient.MaxResponseBodyBytes + 1 : 64 * 1024;
        most.Should().BeLessThanOrEqualTo(limit, answer.ToString());
        return most;
    }
}
