using System.Net;
using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaErrorTests
{
    public static TheoryData<string, HttpStatusCode> ErrorFixtures => new()
    {
        { "docs-acknowledge-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-cancel-error-cancel-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-capture-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-capture-shipping-info-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-extend-authorization-time-error-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-get-capture-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-get-order-error-invalid-order-id.json", HttpStatusCode.BadRequest },
        { "docs-order-shipping-info-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-refund-error-refund-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-release-remaining-authorization-error-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-trigger-send-out-error-no-such-order.json", HttpStatusCode.NotFound },
        { "docs-update-authorization-error-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-update-customer-details-error-not-allowed.json", HttpStatusCode.Forbidden },
        { "docs-update-merchant-references-error-no-such-order.json", HttpStatusCode.NotFound },
        { "issue-krokedil-585-capture-not-allowed-error.json", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ErrorFixtures))]
    public async Task ErrorFixture_MapsToDefinitiveKlarnaApiException(string fixture, HttpStatusCode status)
    {
        var json = KlarnaTestHost.Fixture(fixture);
        var expected = JsonNode.Parse(json)!;
        using var host = new KlarnaTestHost(StubHandler.Answer(status, json));

        var act = () => host.Client.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None);

        var exception = (await act.Should().ThrowAsync<KlarnaApiException>()).Which;
        exception.StatusCode.Should().Be(status);
        exception.ErrorCode.Should().Be(expected["error_code"]!.GetValue<string>());
        exception.CorrelationId.Should().Be(expected["correlation_id"]!.GetValue<string>());
        exception.ErrorMessages.Should().Equal(expected["error_messages"]!.AsArray().Select(m => m!.GetValue<string>()));
        exception.Message.Should().Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(exception.ErrorCode).And.Contain(exception.CorrelationId).And.Contain(exception.ErrorMessages[0]);
        exception.FailureKind.Should().Be(KlarnaFailureKind.Definitive);
        host.Stub.Attempts.Should().Be(1, "a 4xx is never retried");
    }

    [Fact]
    public async Task CaptureNotAllowed_MessageIsEnoughForSupport()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.Forbidden, KlarnaTestHost.Fixture("issue-krokedil-585-capture-not-allowed-error.json")));

        var act = () => host.Client.CreateCaptureAsync(null, KlarnaTestHost.OrderId, KlarnaTestHost.CaptureBody(), "k", CancellationToken.None);

        (await act.Should().ThrowAsync<KlarnaApiException>()).WithMessage(
            "Klarna answered 403 CAPTURE_NOT_ALLOWED: Captured amount is higher than the remaining authorized amount. Capture not possible. (correlation id XXX)");
    }

    [Fact]
    public async Task SingleErrorMessage_IsReadAsWellAsTheList()
    {
        // Klarna's generic error docs: "MUST contain an error_code and an error_messages property (or error_message)".
        const string body = "{\"error_code\":\"NOT_ALLOWED\",\"error_message\":\"Order is fully captured.\",\"correlation_id\":\"c-1\"}";
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(body) })));

        var act = () => host.Client.GetOrderAsync(null, KlarnaTestHost.OrderId, CancellationToken.None);

        var exception = (await host.DriveAsync(Catch(act))).Should().BeOfType<KlarnaApiException>().Subject;
        exception.ErrorCode.Should().Be("NOT_ALLOWED");
        exception.ErrorMessages.Should().Equal("Order is fully captured.");
        exception.CorrelationId.Should().Be("c-1");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>", 1)]
    [InlineData(HttpStatusCode.Forbidden, "", 1)]
    [InlineData(HttpStatusCode.NotFound, "{\"error_code\": \"NO_SUCH_ORD", 1)]
    [InlineData(HttpStatusCode.Unauthorized, "", 0)]
    [InlineData(HttpStatusCode.Conflict, "{\"error_code\":\"CONFLICT\",\"error_messages\":[],\"correlation_id\":\"c\"}", 1)]
    public async Task NonKlarnaBodies_StillGiveKlarnaApiException(HttpStatusCode status, string body, int kind)
    {
        using var host = new KlarnaTestHost(new StubHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) })));

        var act = () => host.Client.GetOrderAsync(null, KlarnaTestHost.OrderId, CancellationToken.None);

        var exception = (await host.DriveAsync(Catch(act))).Should().BeOfType<KlarnaApiException>().Subject;
        exception.StatusCode.Should().Be(status);
        exception.FailureKind.Should().Be((KlarnaFailureKind)kind);
        exception.ErrorMessages.Should().NotBeNull();
        exception.Message.Should().Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        exception.Message.Should().NotContain("\r").And.NotContain("\n");
    }

    [Fact]
    public async Task HugeHtmlBody_ExcerptIsBoundedAndClean()
    {
        var html = "<html>" + string.Concat(Enumerable.Repeat("<p>\tOops\u0001\u0007 proxy error</p>\n", 5000)) + "</html>";
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.BadRequest, html));

        var act = () => host.Client.CancelOrderAsync(null, KlarnaTestHost.OrderId, "k", CancellationToken.None);

        var exception = (await act.Should().ThrowAsync<KlarnaApiException>()).Which;
        exception.ErrorCode.Should().BeNull();
        exception.ErrorMessages.Should().ContainSingle().Which.Length.Should().BeLessThanOrEqualTo(512 + 30);
        exception.Message.Should().NotContainAny("\u0001", "\u0007", "\t", "\n");
        exception.Message.Length.Should().BeLessThan(700);
    }

    [Fact]
    public void Exception_StandardConstructors_AndNeverNullMessages()
    {
        new KlarnaApiException().ErrorMessages.Should().BeEmpty();
        new KlarnaApiException("m").Message.Should().Be("m");
        new KlarnaApiException("m", new InvalidOperationException()).InnerException.Should().BeOfType<InvalidOperationException>();
        new KlarnaApiException(HttpStatusCode.Forbidden, "NOT_ALLOWED", null, null).ErrorMessages.Should().BeEmpty();
        new KlarnaApiException(HttpStatusCode.Forbidden, "NOT_ALLOWED", null, null).Message.Should().Be("Klarna answered 403 NOT_ALLOWED (correlation id none)");
    }

    [Theory]
    [InlineData(400, true, 0)]
    [InlineData(403, true, 0)]
    [InlineData(404, true, 0)]
    [InlineData(422, true, 0)]
    [InlineData(401, false, 0)]
    [InlineData(403, false, 1)]
    [InlineData(408, true, 1)]
    [InlineData(409, true, 1)]
    [InlineData(429, true, 1)]
    [InlineData(500, true, 1)]
    [InlineData(503, false, 1)]
    [InlineData(201, false, 1)]
    public void Classify_ByStatusAndBody(int status, bool klarnaBody, int expected) =>
        KlarnaFailureKinds.Classify((HttpStatusCode)status, klarnaBody).Should().Be((KlarnaFailureKind)expected);

    [Fact]
    public void Classify_TransportFailures_AreAmbiguous()
    {
        KlarnaFailureKinds.Classify(new HttpRequestException("reset")).Should().Be(KlarnaFailureKind.Ambiguous);
        KlarnaFailureKinds.Classify(new Polly.Timeout.TimeoutRejectedException()).Should().Be(KlarnaFailureKind.Ambiguous);
        KlarnaFailureKinds.Classify(new TaskCanceledException()).Should().Be(KlarnaFailureKind.Ambiguous);
    }

    private static async Task<Exception?> Catch(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
