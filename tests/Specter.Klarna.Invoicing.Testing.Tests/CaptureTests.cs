using System.Net;
using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class CaptureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Capture_DocumentedFullCaptureRequest_Returns201WithHeadersAndNoBody(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder(6000);

        using var response = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures", SimulatorHarness.Fixture("docs-capture-request-full.json"), "key-1");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var captureId = response.Headers.GetValues("Capture-Id").Single();
        response.Headers.Location!.AbsolutePath.Should().Be($"/ordermanagement/v1/orders/{orderId}/captures/{captureId}");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var get = await h.Client.GetAsync(response.Headers.Location);
        var capture = await get.JsonAsync();
        var example = JsonDocument.Parse(SimulatorHarness.Fixture("docs-get-capture-response.json")).RootElement;
        foreach (var field in new[] { "capture_id", "klarna_reference", "captured_amount", "captured_at", "description", "order_lines", "refunded_amount", "shipping_info" })
        {
            capture.TryGetProperty(field, out var value).Should().BeTrue(field);
            value.ValueKind.Should().Be(example.GetProperty(field).ValueKind, field);
        }

        capture.GetProperty("captured_amount").GetInt64().Should().Be(6000);
        h.Simulator.AssertCapturedExactlyOnce(orderId, "c9a94cf1-7126-4f55-92fa-4d34f416ed7f").IdempotencyKey.Should().Be("key-1");
    }

    [Fact]
    public async Task Capture_OverRemaining_Returns403CaptureNotAllowedLikeKlarna()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(1000);

        using var response = await h.CaptureAsync(orderId, 1001);

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        var example = JsonDocument.Parse(SimulatorHarness.Fixture("issue-krokedil-585-capture-not-allowed-error.json")).RootElement;
        body.GetProperty("error_messages")[0].GetString().Should().Be(example.GetProperty("error_messages")[0].GetString());
    }

    [Fact]
    public async Task Capture_UnknownOrder_Returns404NoSuchOrder()
    {
        await using var h = await SimulatorHarness.CreateAsync();

        using var response = await h.CaptureAsync("7849fd84-47dc-4919-a7ce-47b9f46156f", 100);

        await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "NO_SUCH_ORDER");
    }

    [Theory]
    [InlineData("""{"capturedAmount":100}""", "captured_amount")]
    [InlineData("""{"captured_amount":100,"orderLines":[]}""", "orderLines")]
    [InlineData("""{"captured_amount":200000001}""", "captured_amount")]
    [InlineData("""{"captured_amount":"100"}""", "captured_amount")]
    [InlineData("""{"captured_amount":100,"order_lines":[{"name":"a","quantity":1,"unit_price":100,"total_amount":90}]}""", "order_lines[0].total_amount")]
    [InlineData("""{"captured_amount":100,"order_lines":[{"name":"a","quantity":1.5,"unit_price":100,"total_amount":100}]}""", "order_lines[0].quantity")]
    [InlineData("""{"captured_amount":100,"order_lines":[{"name":"a","quantity":1,"unit_price":100,"total_amount":100,"tax_rate":2500,"total_tax_amount":25}]}""", "order_lines[0].total_tax_amount")]
    [InlineData("""{"captured_amount":100,"order_lines":[{"name":"a","quantity":1,"unit_price":100,"total_amount":100,"type":"hardware"}]}""", "order_lines[0].type")]
    [InlineData("""{"captured_amount":100,"order_lines":[{"name":"a","quantity":1,"unit_price":110,"total_discount_amount":-10,"total_amount":120}]}""", "order_lines[0].total_discount_amount")]
    [InlineData("""{"captured_amount":150,"order_lines":[{"name":"a","quantity":1,"unit_price":100,"total_amount":100}]}""", "captured_amount (must equal the sum")]
    public async Task Capture_InvalidBody_Returns400BadValueNamingTheField(string body, string field)
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();

        using var response = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures", body);

        var error = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "BAD_VALUE");
        error.GetProperty("error_messages").EnumerateArray().Select(m => m.GetString()).Should().Contain(m => m!.Contains(field, StringComparison.Ordinal));
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
    }

    [Fact]
    public async Task Capture_TooManyLines_IsRejected_AndTaxWithinOneIsAccepted()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(59500);
        var line = """{"name":"a","quantity":1,"unit_price":0,"total_amount":0}""";
        var tooMany = $$"""{"captured_amount":0,"order_lines":[{{string.Join(',', Enumerable.Repeat(line, 1001))}}]}""";

        using var rejected = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures", tooMany);
        using var accepted = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures",
            """{"captured_amount":59500,"order_lines":[{"type":"physical","name":"a","quantity":1,"unit_price":59500,"tax_rate":2000,"total_amount":59500,"total_tax_amount":9916}]}""");

        await rejected.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "BAD_VALUE");
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GetOrder_AfterPartialCaptureAndRefund_HasConsistentAmounts()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        (await h.CaptureAsync(orderId, 4000)).StatusCode.Should().Be(HttpStatusCode.Created);
        using var refund = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", """{"refunded_amount":1000}""");
        refund.StatusCode.Should().Be(HttpStatusCode.Created);
        refund.Headers.GetValues("Refund-Id").Should().ContainSingle();

        var order = await (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).JsonAsync();

        order.GetProperty("status").GetString().Should().Be("PART_CAPTURED");
        order.GetProperty("order_amount").GetInt64().Should().Be(10000);
        order.GetProperty("captured_amount").GetInt64().Should().Be(4000);
        order.GetProperty("refunded_amount").GetInt64().Should().Be(1000);
        order.GetProperty("remaining_authorized_amount").GetInt64().Should().Be(6000);
        order.GetProperty("captures")[0].GetProperty("refunded_amount").GetInt64().Should().Be(1000);
        order.GetProperty("refunds").GetArrayLength().Should().Be(1);
        using var get = await h.Client.GetAsync(refund.Headers.Location);
        (await get.JsonAsync()).GetProperty("refunded_amount").GetInt64().Should().Be(1000);
    }
}
