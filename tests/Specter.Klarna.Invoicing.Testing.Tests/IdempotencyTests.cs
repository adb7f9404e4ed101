using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task SameKeyDifferentBody_ReplaysFirstResponse()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);

        using var first = await h.CaptureAsync(orderId, 3000, "k", "INV-1");
        using var second = await h.CaptureAsync(orderId, 5000, "k", "INV-2");

        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.GetValues("Capture-Id").Should().Equal(first.Headers.GetValues("Capture-Id"));
        second.Headers.Location.Should().Be(first.Headers.Location);
        h.Simulator.GetOrder(orderId).CapturedAmount.Should().Be(3000);
        h.Simulator.CapturesFor(orderId, "INV-2").Should().BeEmpty();
    }

    [Fact]
    public async Task ErrorResponses_AreReplayedToo()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(1000);

        using var first = await h.CaptureAsync(orderId, 2000, "k");
        using var second = await h.CaptureAsync(orderId, 500, "k");

        second.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Key_IsForgottenAfter24Hours()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        h.Simulator.Orders.Should().ContainSingle();
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);

        h.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.GetOrder(orderId).Captures.Should().HaveCount(1);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await h.CaptureAsync(orderId, 1000, "k")).StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.GetOrder(orderId).Captures.Should().HaveCount(2);
    }

    [Fact]
    public async Task Key_IsScopedPerMerchant()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var mine = h.SeedOrder(10000);
        var theirs = h.SeedOrder(10000, "other");
        (await h.CaptureAsync(mine, 1000, "shared-key")).StatusCode.Should().Be(HttpStatusCode.Created);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"ordermanagement/v1/orders/{theirs}/captures")
        {
            Content = new StringContent("""{"captured_amount":1000}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = SimulatorHarness.Basic("other", "other-password");
        request.Headers.Add("Klarna-Idempotency-Key", "shared-key");
        using var response = await h.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        h.Simulator.GetOrder(theirs).CapturedAmount.Should().Be(1000);
    }
}
