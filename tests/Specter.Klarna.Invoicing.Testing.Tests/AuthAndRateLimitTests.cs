using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

public sealed class AuthAndRateLimitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WrongPassword_Returns401_AndPasswordIsNeverRecorded(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer);
        var orderId = h.SeedOrder();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"ordermanagement/v1/orders/{orderId}");
        request.Headers.Authorization = SimulatorHarness.Basic(SimulatorHarness.Merchant, "wrong");

        using var response = await h.Client.SendAsync(request);

        await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        h.Simulator.ReceivedRequests.Should().HaveCount(2)
            .And.OnlyContain(r => !r.Headers.ContainsKey("Authorization") && !r.Body.Contains(SimulatorHarness.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderOfAnotherMerchant_Returns404()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var theirs = h.SeedOrder(merchant: "other");

        await (await h.Client.GetAsync($"ordermanagement/v1/orders/{theirs}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "NO_SUCH_ORDER");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RateLimit_Returns429WithRetryAfter_UntilTheWindowPasses(bool useServer)
    {
        await using var h = await SimulatorHarness.CreateAsync(useServer, o => o.RequestsPerSecondPerMerchant = 2);
        var orderId = h.SeedOrder();

        (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var limited = await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}");
        await limited.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
