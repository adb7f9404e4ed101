using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ThirtyTwoConcurrentCapturesWithOneKey_CaptureOnce()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => h.CaptureAsync(orderId, 1000, "same", "INV-7"))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        responses.Select(r => r.Headers.GetValues("Capture-Id").Single()).Distinct().Should().ContainSingle();
        h.Simulator.AssertCapturedExactlyOnce(orderId, "INV-7");
    }

    [Fact]
    public async Task ConcurrentCapturesWithDifferentKeys_NeverExceedTheAuthorization()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => h.CaptureAsync(orderId, 1000, $"key-{i}", $"INV-{i}"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden).Should().Be(22);
        var order = h.Simulator.GetOrder(orderId);
        order.CapturedAmount.Should().Be(10000);
        order.Status.Should().Be("CAPTURED");
    }
}
