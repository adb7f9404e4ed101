using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaOrderManagementClientTests
{
    private const string OrderId = KlarnaTestHost.OrderId;
    private const string Base = "http://127.0.0.1:5099/ordermanagement/v1/orders/" + OrderId;

    private static readonly string ExpectedAuthorization =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(KlarnaTestHost.Username + ":" + KlarnaTestHost.Password));

    [Fact]
    public async Task GetOrderAsync_DotnetFixture_MapsWithoutPersonalData()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture("dotnet-OrderManagementGetOrderResponse.json")));

        var order = await host.Client.GetOrderAsync(null, OrderId, CancellationToken.None);

        order.OrderId.Should().Be(OrderId);
        order.Status.Should().Be(KlarnaOrderStatus.Authorized);
        order.FraudStatus.Should().Be(KlarnaFraudStatus.Accepted);
        order.Currency.Should().Be(Currency.FromCode("USD"));
        order.MerchantReference1.Should().Be("10001");
        order.MerchantReference2.Should().Be("501");
        order.KlarnaReference.Should().Be("K4MADNY");
        order.ExpiresAt.Should().Be(new DateTimeOffset(2015, 12, 4, 10, 26, 6, TimeSpan.Zero));
        order.Captures.Should().ContainSingle().Which.CaptureId.Should().Be("4ba29b50-be7b-44f5-a492-113e6a865e22");
        order.Refunds.Should().ContainSingle().Which.RefundedAt.Should().NotBeNull();
        order.ToString().Should().NotContain("Klara").And.NotContain("klara.joyce").And.NotContain("Knoxville");
        var request = host.Stub.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be(HttpMethod.Get);
        request.Uri.ToString().Should().Be(Base);
        request.Headers["Authorization"].Should().Be(ExpectedAuthorization);
        request.Headers["Accept"].Should().Be("application/json");
        request.Headers["User-Agent"].Should().MatchRegex(@"^Library/Specter\.Klarna\.Invoicing_\S+ OS/\S+ Language/\.NET_\d+\.\d+\.\d+$");
        request.Headers.Should().NotContainKey("Klarna-Idempotency-Key");
    }

    [Fact]
    public async Task GetOrderAsync_DocsFixture_Maps()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture("docs-get-order-response-REPAIRED.json")));

        var order = await host.Client.GetOrderAsync(null, OrderId, CancellationToken.None);

        order.Status.Should().Be(KlarnaOrderStatus.Captured);
        order.Currency.Should().Be(Currency.FromCode("PLN"));
        order.CapturedAmount.Should().Be(new Money(200, Currency.FromCode("PLN")));
        order.RemainingAuthorizedAmount.Should().Be(Money.Zero(Currency.FromCode("PLN")));
        order.Captures.Should().ContainSingle().Which.CapturedAmount.Should().Be(200);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownStatusAndLineType_DoNotBreak()
    {
        var json = JsonNode.Parse(KlarnaTestHost.Fixture("dotnet-OrderManagementGetOrderResponse.json"))!;
        json["status"] = "SOMETHING_NEW";
        json["fraud_status"] = "UNDER_REVIEW";
        json["order_lines"]![0]!["type"] = "hologram";
        json["brand_new_field"] = new JsonObject { ["x"] = 1 };
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, json.ToJsonString()));

        var order = await host.Client.GetOrderAsync(null, OrderId, CancellationToken.None);

        order.Status.Value.Should().Be("SOMETHING_NEW");
        order.FraudStatus.Value.Should().Be("UNDER_REVIEW");
    }

    [Fact]
    public async Task GetOrderAsync_MalformedJson_IsAmbiguousKlarnaApiException()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, "{\"order_id\": \"x\", \"status\": "));

        var act = () => host.Client.GetOrderAsync(null, OrderId, CancellationToken.None);

        var exception = (await act.Should().ThrowAsync<KlarnaApiException>()).Which;
        exception.StatusCode.Should().Be(HttpStatusCode.OK);
        exception.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous);
    }

    [Theory]
    [InlineData("docs-get-capture-response.json")]
    public async Task GetCaptureAsync_Fixture_Maps(string fixture)
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture(fixture)));

        var capture = await host.Client.GetCaptureAsync(null, OrderId, "5b33ed47-79d0-4d76-99ea-4afaa7c8e552", CancellationToken.None);

        capture.CaptureId.Should().Be("5b33ed47-79d0-4d76-99ea-4afaa7c8e552");
        capture.CapturedAmount.Should().Be(6000);
        capture.KlarnaReference.Should().Be("4K7Q6QF6-1");
        capture.ToString().Should().NotContain("john@doe.com");
        host.Stub.Requests.Single().Uri.ToString().Should().Be(Base + "/captures/5b33ed47-79d0-4d76-99ea-4afaa7c8e552");
    }

    [Fact]
    public async Task GetCaptureAsync_DotnetFixture_Maps()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture("dotnet-OrderManagementGetOneCaptureResponse.json")));

        var capture = await host.Client.GetCaptureAsync(null, OrderId, "c1", CancellationToken.None);

        capture.CaptureId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ListCapturesAsync_DotnetFixture_Maps()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture("dotnet-OrderManagementGetAllCapturesForOneOrderResponse.json")));

        var captures = await host.Client.ListCapturesAsync(null, OrderId, CancellationToken.None);

        captures.Should().NotBeEmpty();
        host.Stub.Requests.Single().Uri.ToString().Should().Be(Base + "/captures");
    }

    [Fact]
    public async Task GetRefundAsync_Maps()
    {
        const string json = """{"refund_id":"r-1","refunded_amount":500,"refunded_at":"2024-01-02T03:04:05Z","description":"Returned","reference":"CR-7","credit_invoice":false,"order_lines":[]}""";
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, json));

        var refund = await host.Client.GetRefundAsync(null, OrderId, "r-1", CancellationToken.None);

        refund.Should().Be(new KlarnaRefund { RefundId = "r-1", RefundedAmount = 500, RefundedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), Description = "Returned", Reference = "CR-7" });
        host.Stub.Requests.Single().Uri.ToString().Should().Be(Base + "/refunds/r-1");
    }

    [Fact]
    public async Task CreateCaptureAsync_201_ReadsHeaders_SendsExactBytesAndKey()
    {
        var stub = StubHandler.Answer(HttpStatusCode.Created, null, r =>
        {
            r.Headers.Add("Capture-Id", "cap-1");
            r.Headers.Location = new Uri(Base + "/captures/cap-1");
        });
        using var host = new KlarnaTestHost(stub);
        var body = KlarnaTestHost.CaptureBody();

        var created = await host.Client.CreateCaptureAsync(null, OrderId, body, "key-1", CancellationToken.None);

        created.Should().Be(new KlarnaCreated("cap-1", new Uri(Base + "/captures/cap-1")));
        var request = stub.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.Uri.ToString().Should().Be(Base + "/captures");
        request.Headers["Klarna-Idempotency-Key"].Should().Be("key-1");
        request.Headers["Authorization"].Should().Be(ExpectedAuthorization);
        request.ContentType.Should().Be("application/json");
        request.Body.Should().Equal(body);
    }

    [Fact]
    public async Task CreateCaptureAsync_201WithoutCaptureId_IsAmbiguous()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.Created));

        var act = () => host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), "key-1", CancellationToken.None);

        (await act.Should().ThrowAsync<KlarnaApiException>()).Which.FailureKind.Should().Be(KlarnaFailureKind.Ambiguous);
    }

    [Fact]
    public async Task CreateRefundAsync_201_ReadsRefundId()
    {
        var stub = StubHandler.Answer(HttpStatusCode.Created, null, r => r.Headers.Add("Refund-Id", "ref-9"));
        using var host = new KlarnaTestHost(stub);
        var request = new KlarnaRefundRequest { RefundedAmount = 1000, Reference = "CR-1", Description = "Return" };

        var created = await host.Client.CreateRefundAsync(null, OrderId, request, "key-r", CancellationToken.None);

        created.Id.Should().Be("ref-9");
        created.Location.Should().BeNull();
        stub.Requests.Single().Uri.ToString().Should().Be(Base + "/refunds");
        stub.Requests.Single().Body.Should().Equal(KlarnaRequestBodies.Refund(request));
    }

    public static TheoryData<string, string, string, string?> NoContentOperations => new()
    {
        { "cancel", "POST", "/cancel", null },
        { "release", "POST", "/release-remaining-authorization", null },
        { "extend", "POST", "/extend-authorization-time", null },
        { "references", "PATCH", "/merchant-references", """{"merchant_reference1":"ORD-1","merchant_reference2":"ERP-2"}""" },
        { "shipping", "POST", "/captures/cap-1/shipping-info", """{"shipping_info":[{"shipping_company":"PostNord SE","shipping_method":"PickUpPoint","tracking_number":"123"}]}""" },
        { "sendout", "POST", "/captures/cap-1/trigger-send-out", null },
        { "authorization", "PATCH", "/authorization", """{"order_amount":5000,"description":"Removed an item"}""" },
    };

    [Theory]
    [MemberData(nameof(NoContentOperations))]
    public async Task NoContentOperations_SendMethodPathKeyAndBody(string operation, string method, string path, string? body)
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent));
        var client = host.Client;

        await (operation switch
        {
            "cancel" => client.CancelOrderAsync(null, OrderId, "k", CancellationToken.None),
            "release" => client.ReleaseRemainingAuthorizationAsync(null, OrderId, "k", CancellationToken.None),
            "extend" => client.ExtendAuthorizationTimeAsync(null, OrderId, "k", CancellationToken.None),
            "references" => client.UpdateMerchantReferencesAsync(null, OrderId, "ORD-1", "ERP-2", "k", CancellationToken.None),
            "shipping" => client.AddShippingInfoAsync(null, OrderId, "cap-1", [new KlarnaShippingInfo { ShippingCompany = "PostNord SE", ShippingMethod = "PickUpPoint", TrackingNumber = "123" }], "k", CancellationToken.None),
            "sendout" => client.TriggerSendOutAsync(null, OrderId, "cap-1", "k", CancellationToken.None),
            "authorization" => client.UpdateAuthorizationAsync(null, OrderId, new KlarnaUpdateAuthorizationRequest { OrderAmount = 5000, Description = "Removed an item" }, "k", CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });

        var request = host.Stub.Requests.Single();
        request.Method.Method.Should().Be(method);
        request.Uri.ToString().Should().Be(Base + path);
        request.Headers["Klarna-Idempotency-Key"].Should().Be("k");
        if (body is null)
        {
            request.Body.Should().BeEmpty();
        }
        else
        {
            Encoding.UTF8.GetString(request.Body).Should().Be(body);
            request.ContentType.Should().Be("application/json");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Writes_WithoutIdempotencyKey_AreRefusedBeforeSending(string? key)
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.Created));

        var capture = () => host.Client.CreateCaptureAsync(null, OrderId, KlarnaTestHost.CaptureBody(), key!, CancellationToken.None);
        var cancel = () => host.Client.CancelOrderAsync(null, OrderId, key!, CancellationToken.None);

        (await capture.Should().ThrowAsync<ArgumentException>()).Which.Should().Match<ArgumentException>(e => KlarnaFailureKinds.Classify(e) == KlarnaFailureKind.Definitive);
        await cancel.Should().ThrowAsync<ArgumentException>();
        host.Stub.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task RawHttpClient_PostWithoutKey_IsRefusedByTheHandler()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent));
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        using var http = factory.CreateClient(KlarnaHttp.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/cancel");
        request.Options.Set(KlarnaHttp.Merchant, "se");

        var act = () => http.SendAsync(request);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Klarna-Idempotency-Key*");
        host.Stub.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task ApiKeyWithoutUsername_SendsBasicWithTheKey()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent), o =>
        {
            o.Merchants["se"].Username = null;
            o.Merchants["se"].Password = "klarna_test_api_abc123";
        });

        await host.Client.CancelOrderAsync(null, OrderId, "k", CancellationToken.None);

        host.Stub.Requests.Single().Headers["Authorization"].Should().Be("Basic klarna_test_api_abc123");
    }

    [Fact]
    public async Task Merchants_AreSelectedByName_CaseInsensitive_WithOwnCredentialsAndBaseAddress()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent), o =>
        {
            o.Merchants["no"] = new KlarnaMerchantOptions { Username = "NO_user", Password = "no-pass", BaseAddress = new Uri("http://localhost:6001/") };
            o.DefaultMerchant = "se";
        });

        await host.Client.CancelOrderAsync("NO", OrderId, "k1", CancellationToken.None);
        await host.Client.CancelOrderAsync(null, OrderId, "k2", CancellationToken.None);

        host.Stub.Requests[0].Uri.ToString().Should().StartWith("http://localhost:6001/ordermanagement/v1/orders/");
        host.Stub.Requests[0].Headers["Authorization"].Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("NO_user:no-pass")));
        host.Stub.Requests[1].Uri.ToString().Should().StartWith("http://127.0.0.1:5099/");
    }

    [Fact]
    public async Task UnknownMerchant_Throws_BeforeSending()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent));

        var act = () => host.Client.CancelOrderAsync("fi", OrderId, "k", CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'fi'*");
        host.Stub.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task Credentials_AreReReadPerRequest()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.NoContent));
        var monitor = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<KlarnaInvoicingOptions>>();

        await host.Client.CancelOrderAsync(null, OrderId, "k1", CancellationToken.None);
        monitor.CurrentValue.Merchants["se"].Password = "rotated";
        await host.Client.CancelOrderAsync(null, OrderId, "k2", CancellationToken.None);

        host.Stub.Requests[1].Headers["Authorization"].Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(KlarnaTestHost.Username + ":rotated")));
    }

    [Fact]
    public async Task OrderId_WithPathOrQueryCharacters_IsRefusedBeforeSending()
    {
        using var host = new KlarnaTestHost(StubHandler.Answer(HttpStatusCode.OK, KlarnaTestHost.Fixture("docs-get-order-response-REPAIRED.json")));

        var act = () => host.Client.GetOrderAsync(null, "../x?y", CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("orderId");
        host.Stub.Requests.Should().BeEmpty("a malformed id never becomes a URL, escaped or not");
    }
}
