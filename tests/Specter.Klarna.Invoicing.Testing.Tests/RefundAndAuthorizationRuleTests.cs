using System.Net;

namespace Specter.Klarna.Invoicing.Testing.Tests;

/// <summary>Refund inspection (the counterpart of the capture assertions) and Klarna's payment-method rule for authorization increases.</summary>
public sealed class RefundAndAuthorizationRuleTests
{
    [Fact]
    public async Task ARefundSentTwiceUnderOneKey_IsStoredOnce_AndTheAssertionsFindItByReference()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.SeedOrder(10000);
        (await h.CaptureAsync(orderId, 6000, "c-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        const string refund = """{"refunded_amount":1000,"reference":"K-1"}""";

        (await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", refund, "r-1")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", refund, "r-1")).StatusCode.Should().Be(HttpStatusCode.Created);

        var stored = h.Simulator.AssertRefundedExactlyOnce(orderId, "K-1");
        stored.RefundedAmount.Should().Be(1000);
        stored.IdempotencyKey.Should().Be("r-1");
        h.Simulator.RefundsFor(orderId, "K-2").Should().BeEmpty();
        var missing = () => h.Simulator.AssertRefundedExactlyOnce(orderId, "K-2");
        missing.Should().Throw<KlarnaSimulatorAssertionException>().WithMessage("*found 0 such refunds*K-1*");
    }

    [Theory]
    [InlineData("INVOICE", "SE", 12000, HttpStatusCode.NoContent)]
    [InlineData("PAY_BY_CARD", "SE", 12000, HttpStatusCode.Forbidden)]
    [InlineData("PAY_BY_CARD", "SE", 8000, HttpStatusCode.NoContent)]
    [InlineData("FIXED_AMOUNT", "SE", 12000, HttpStatusCode.NoContent)]
    [InlineData("FIXED_AMOUNT", "US", 12000, HttpStatusCode.Forbidden)]
    [InlineData("DIRECT_DEBIT", "CH", 12000, HttpStatusCode.Forbidden)]
    public async Task AnIncrease_OnlyForThePaymentMethodsAndMarketsKlarnaNames_ADecreaseForAll(string method, string country, long newAmount, HttpStatusCode expected)
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.Simulator.SeedOrder(new SimulatedOrder
        {
            Merchant = SimulatorHarness.Merchant,
            Country = country,
            PaymentMethod = method,
            OrderLines = [new SimulatedOrderLine { Name = "Widget", Reference = "W-1", Quantity = 1, UnitPrice = 10000, TaxRate = 2500 }],
        });

        using var response = await h.SendAsync(HttpMethod.Patch, $"ordermanagement/v1/orders/{orderId}/authorization", $$"""{"order_amount":{{newAmount}}}""", "u-1");

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            var body = await response.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "NOT_ALLOWED");
            body.GetProperty("error_messages")[0].GetString().Should().Be("Update not allowed.");
        }

        h.Simulator.GetOrder(orderId).OrderAmount.Should().Be(expected == HttpStatusCode.NoContent ? newAmount : 10000);
        var order = await (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).JsonAsync();
        order.GetProperty("initial_payment_method").GetProperty("type").GetString().Should().Be(method);
    }
}
