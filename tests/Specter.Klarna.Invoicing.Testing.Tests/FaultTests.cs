using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class FaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FailBeforeApplying_Returns503_AndSameKeyRetryCapturesOnce(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.FailBeforeApplying().OnCall(SimulatedOperation.CreateCapture, 1));

        using var failed = await h.CaptureAsync(orderId, 1000, "k");
        await failed.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable, "TEMPORARILY_UNAVAILABLE");
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();

        using var retried = await h.CaptureAsync(orderId, 1000, "k");
        retried.StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");
    }

    [Fact]
    public async Task FailBeforeApplying_WithStoreInjectedServerErrors_ReplaysThe503()
    {
        await using var h = await SimulatorHarness.CreateAsync(configure: o => o.StoreInjectedServerErrors = true);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.FailBeforeApplying());

        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoseResponseAfterApplying_Throws_AndSameKeyRetryGetsTheOriginal201(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.LoseResponseAfterApplying().When(r => r.OrderId == orderId && r.IdempotencyKey == "k"));

        var act = () => h.CaptureAsync(orderId, 1000, "k");
        await act.Should().ThrowAsync<HttpRequestException>();
        var stored = h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");

        using var retried = await h.CaptureAsync(orderId, 1000, "k");
        retried.StatusCode.Should().Be(HttpStatusCode.Created);
        retried.Headers.GetValues("Capture-Id").Single().Should().Be(stored.CaptureId);
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServerErrorAfterApplying_Returns500_ButTheCaptureIsStored(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.ServerErrorAfterApplying().OnOperation(SimulatedOperation.CreateCapture));

        await (await h.CaptureAsync(orderId, 1000, "k")).ShouldBeErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_SERVER_ERROR");
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MalformedResponse_ReturnsHtml502(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.MalformedResponse());

        using var response = await h.CaptureAsync(orderId, 1000, "k");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("<html>");
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Conflict_Returns409_WithEmptyMessages_AndNothingApplied(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        var fault = h.Simulator.InjectFault(SimulatedFault.Conflict().OnCall(SimulatedOperation.CreateCapture, 2));

        (await h.CaptureAsync(orderId, 1000, "k1", "INV-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await (await h.CaptureAsync(orderId, 1000, "k2", "INV-2")).ShouldBeErrorAsync(HttpStatusCode.Conflict, "CONFLICT");

        body.GetProperty("error_messages").GetArrayLength().Should().Be(0);
        fault.TimesTriggered.Should().Be(1);
        h.Simulator.CapturesFor(orderId, "INV-2").Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DelayAfterApplying_ClientTimeout_LosesACommittedCapture(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        h.Simulator.InjectFault(SimulatedFault.Delay(TimeSpan.FromMinutes(5), afterApplying: true));
        using var cts = new CancellationTokenSource();

        var send = h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures", """{"captured_amount":1000,"reference":"INV-1"}""", "k", cts.Token);
        // The client gives up once the capture is committed (not on a fixed timer a cold server could outlast).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (h.Simulator.CapturesFor(orderId, "INV-1").Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();

        await FluentActions.Awaiting(() => send).Should().ThrowAsync<OperationCanceledException>();
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-1");
    }

    [Fact]
    public async Task DelayBeforeApplying_CompletesWhenTheFakeClockAdvances()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder();
        var delay = h.Simulator.InjectFault(SimulatedFault.Delay(TimeSpan.FromSeconds(30)));

        var pending = h.CaptureAsync(orderId, 1000, "k");
        // A positive signal, not a sleep: the request has reached the delay, which only fake time can end.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (delay.TimesTriggered == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Yield();
        }

        delay.TimesTriggered.Should().Be(1);
        pending.IsCompleted.Should().BeFalse();
        h.Simulator.GetOrder(orderId).Captures.Should().BeEmpty();
        h.Time.Advance(TimeSpan.FromSeconds(30));

        (await pending).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public void AssertCapturedExactlyOnce_WhenCapturedTwice_ThrowsDescriptiveException()
    {
        var simulator = new KlarnaSimulator().AddMerchant("m", "p");
        var orderId = simulator.SeedOrder(new SimulatedOrder { OrderAmount = 100 });

        var act = () => simulator.AssertCapturedExactlyOnce(orderId, "INV-9");

        act.Should().Throw<KlarnaSimulatorAssertionException>().WithMessage("*exactly once*INV-9*found 0*");
    }
}
