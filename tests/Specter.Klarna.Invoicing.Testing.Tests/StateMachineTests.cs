using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class StateMachineTests
{
    private static string Path(string orderId, string action = "") => $"ordermanagement/v1/orders/{orderId}{action}";

    [Fact]
    public async Task Authorized_PartCaptured_Captured_ThenReleaseAndCancelRefused()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        (await h.SendAsync(HttpMethod.Post, Path(orderId, "/release-remaining-authorization"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/refunds"), """{"refunded_amount":1}""")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "REFUND_NOT_ALLOWED");

        await h.CaptureAsync(orderId, 4000);
        h.Simulator.GetOrder(orderId).Status.Should().Be("PART_CAPTURED");
        await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/cancel"))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CANCEL_NOT_ALLOWED");
        await h.CaptureAsync(orderId, 6000);

        h.Simulator.GetOrder(orderId).Status.Should().Be("CAPTURED");
        var body = await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/release-remaining-authorization"))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Be("Order is fully captured. Remaining authorization cannot be released.");
        await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/refunds"), """{"refunded_amount":10001}""")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "REFUND_NOT_ALLOWED");
    }

    [Fact]
    public async Task Release_AfterPartialCapture_MakesRemainingZero()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        await h.CaptureAsync(orderId, 4000);

        (await h.SendAsync(HttpMethod.Post, Path(orderId, "/release-remaining-authorization"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        h.Simulator.GetOrder(orderId).RemainingAuthorizedAmount.Should().Be(0);
        await (await h.CaptureAsync(orderId, 1)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
    }

    [Fact]
    public async Task Cancel_ThenCaptureIsNotAllowed()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();

        (await h.SendAsync(HttpMethod.Post, Path(orderId, "/cancel"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        h.Simulator.GetOrder(orderId).Status.Should().Be("CANCELLED");
        await (await h.CaptureAsync(orderId, 1)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/extend-authorization-time"))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "NOT_ALLOWED");
    }

    [Fact]
    public async Task Expiry_IsDrivenByTheClock_AndExtensionUsesTodayPlusPeriod()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Time.Advance(TimeSpan.FromDays(14));

        (await h.SendAsync(HttpMethod.Post, Path(orderId, "/extend-authorization-time"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        h.Simulator.GetOrder(orderId).ExpiresAt.Should().Be(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero).AddDays(28));

        h.Time.Advance(TimeSpan.FromDays(28));
        h.Simulator.GetOrder(orderId).Status.Should().Be("EXPIRED");
        await (await h.CaptureAsync(orderId, 1)).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        var body = await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/extend-authorization-time"))).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Be("Order is expired. Authorization time cannot be extended.");
    }

    [Fact]
    public async Task UpdateAuthorization_BelowCaptured_IsNotAllowed_AndMerchantReferencesUpdate()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        await h.CaptureAsync(orderId, 4000);

        await (await h.SendAsync(HttpMethod.Patch, Path(orderId, "/authorization"), """{"order_amount":3000}""")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "NOT_ALLOWED");
        (await h.SendAsync(HttpMethod.Patch, Path(orderId, "/authorization"), """{"order_amount":12000}""")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await h.SendAsync(HttpMethod.Patch, Path(orderId, "/merchant-references"), SimulatorHarness.Fixture("docs-update-merchant-references-request.json"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var order = h.Simulator.GetOrder(orderId);
        order.RemainingAuthorizedAmount.Should().Be(8000);
        order.MerchantReference1.Should().NotBeNull();
    }

    [Fact]
    public async Task ShippingInfoAndSendOut_OnCapture()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        using var capture = await h.CaptureAsync(orderId, 100);
        var captureId = capture.Headers.GetValues("Capture-Id").Single();

        (await h.SendAsync(HttpMethod.Post, Path(orderId, $"/captures/{captureId}/shipping-info"), SimulatorHarness.Fixture("docs-capture-shipping-info-request.json"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await h.SendAsync(HttpMethod.Post, Path(orderId, $"/captures/{captureId}/trigger-send-out"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await h.SendAsync(HttpMethod.Post, Path(orderId, "/captures/nope/trigger-send-out"))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "NO_SUCH_CAPTURE");
        var list = await (await h.Client.GetAsync(Path(orderId, "/captures"))).JsonAsync();
        list[0].GetProperty("shipping_info").GetArrayLength().Should().BeGreaterThan(0);
    }
}
