using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class RefusalFaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RefuseCapture_Answers403WithTheGivenMessage_AndCapturesNothing(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        var fault = h.Simulator.InjectFault(SimulatedFault.RefuseCapture("The order is under review."));

        using var refused = await h.CaptureAsync(orderId, 1000, "k1");
        var body = await refused.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        body.GetProperty("error_messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("The order is under review.");
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
        fault.TimesTriggered.Should().Be(1);

        // Once: the next capture (a new key) goes through.
        using var next = await h.CaptureAsync(orderId, 1000, "k2");
        next.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Refusal_IsReplayedForTheSameKey_LikeEveryAnswerToAKeyedWrite()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.RefuseCapture());

        await (await h.CaptureAsync(orderId, 1000, "k")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        await (await h.CaptureAsync(orderId, 1000, "k")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
    }

    [Fact]
    public async Task RefuseRefund_LeavesCapturesAlone_AndOnlyRefundsAreRefused()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.RefuseRefund("Refund not allowed: the capture is disputed."));
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);

        using var refund = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", """{"refunded_amount":500}""", "r");
        var body = await refund.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "REFUND_NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Be("Refund not allowed: the capture is disputed.");
        h.Simulator.GetOrder(orderId).RefundedAmount.Should().Be(0);
    }

    [Fact]
    public async Task RefuseCredentials_AnswersUnauthorizedOnReadingTheOrder()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.RefuseCredentials().OnOperation(SimulatedOperation.GetOrder));

        using var read = await h.SendAsync(HttpMethod.Get, $"ordermanagement/v1/orders/{orderId}");
        await read.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Theory]
    [InlineData(499, "CUSTOM_REFUSAL")]
    [InlineData(400, "BAD_VALUE")]
    public async Task Refuse_AnswersAnyStatusAndCode_OnAnyOperation(int status, string code)
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.Refuse(status, code, "first", "second").When(r => r.OrderId == orderId));

        using var response = await h.SendAsync(HttpMethod.Get, $"ordermanagement/v1/orders/{orderId}");
        var body = await response.ShouldBeErrorAsync((HttpStatusCode)status, code);
        body.GetProperty("error_messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("first", "second");
    }

    [Theory]
    [InlineData(399)]
    [InlineData(500)]
    public void Refuse_RejectsAStatusThatIsNotARefusal(int status)
    {
        var act = () => SimulatedFault.Refuse(status, "X");
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task CancelOrderBeforeApplying_LetsTheReadSeeAnAuthorizedOrder_ThenKlarnaRefusesTheCapture()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.CancelOrderBeforeApplying().OnOperation(SimulatedOperation.CreateCapture));

        using var read = await h.SendAsync(HttpMethod.Get, $"ordermanagement/v1/orders/{orderId}");
        (await read.JsonAsync()).GetProperty("status").GetString().Should().Be("AUTHORIZED");

        using var capture = await h.CaptureAsync(orderId, 1000, "k");
        var body = await capture.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Contain("cancelled");
        h.Simulator.GetOrder(orderId).Status.Should().Be("CANCELLED");
    }

    [Fact]
    public async Task CancelOrderBeforeApplying_ClosesAnOrderThatHasCaptures()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        (await h.CaptureAsync(orderId, 1000, "k1", "INV-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.InjectFault(SimulatedFault.CancelOrderBeforeApplying().OnOperation(SimulatedOperation.CreateCapture));

        using var capture = await h.CaptureAsync(orderId, 1000, "k2", "INV-2");
        var body = await capture.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Contain("closed");
        h.Simulator.GetOrder(orderId).Status.Should().Be("CLOSED");
    }

    [Fact]
    public async Task ExpireOrderBeforeApplying_MakesKlarnaRefuseTheCaptureOfAnExpiredOrder()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.ExpireOrderBeforeApplying().OnOperation(SimulatedOperation.CreateCapture));

        using var capture = await h.CaptureAsync(orderId, 1000, "k");
        var body = await capture.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "CAPTURE_NOT_ALLOWED");
        body.GetProperty("error_messages")[0].GetString().Should().Contain("expired");
        var snapshot = h.Simulator.GetOrder(orderId);
        snapshot.Status.Should().Be("EXPIRED");
        snapshot.RemainingAuthorizedAmount.Should().Be(0);
    }
}
