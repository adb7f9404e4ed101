using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.Testing;

/// <summary>The example in docs/testing-with-the-simulator.md ("Making Klarna refuse"), kept compiling and passing here.</summary>
public sealed class KlarnaRefusalTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv");

    [Fact]
    public async Task KlarnasOwnRefusalText_ReachesTheStatusTooltip_AndTheInvoiceIsNotLocked()
    {
        await using var klarna = new KlarnaSimulator().AddMerchant("PK_test", "secret");
        await using var provider = BuildInvoicing(klarna);
        var invoicing = provider.GetRequiredService<IKlarnaInvoicing>();
        var order = OrderFor(klarna);

        klarna.InjectFault(SimulatedFault.RefuseCapture("Capture not allowed. The order is under review."));
        InvoiceResult result = await invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "50045" });

        result.Status.State.Should().Be(ActivationState.Failed);
        result.Status.IsLocked.Should().BeFalse();
        result.Status.Failure!.HttpStatus.Should().Be(403);
        result.Status.Failure.ErrorCode.Should().Be("CAPTURE_NOT_ALLOWED");
        result.Status.GetTooltip(English).Should().StartWith("Klarna refused the activation: CAPTURE_NOT_ALLOWED: Capture not allowed. The order is under review. (correlation id ");
        result.Status.GetTooltip(Swedish).Should().Contain("CAPTURE_NOT_ALLOWED: Capture not allowed. The order is under review.");
        klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(0);
    }

    [Fact]
    public async Task OrderCancelledAtKlarnaBetweenReadAndCapture_FailsWithKlarnasCancelledText()
    {
        await using var klarna = new KlarnaSimulator().AddMerchant("PK_test", "secret");
        await using var provider = BuildInvoicing(klarna);
        var invoicing = provider.GetRequiredService<IKlarnaInvoicing>();
        var order = OrderFor(klarna);

        klarna.InjectFault(SimulatedFault.CancelOrderBeforeApplying().OnOperation(SimulatedOperation.CreateCapture));
        InvoiceResult result = await invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "50046" });

        result.Status.State.Should().Be(ActivationState.Failed);
        result.Status.Failure!.ErrorCode.Should().Be("CAPTURE_NOT_ALLOWED");
        result.Status.Failure.ErrorMessages.Should().Equal("Capture not allowed. The order is cancelled.");
        klarna.GetOrder(order.KlarnaOrderId!).Status.Should().Be("CANCELLED");
        klarna.ReceivedRequests.Select(r => r.Operation).Should().ContainInOrder(SimulatedOperation.GetOrder, SimulatedOperation.CreateCapture);
    }

    private static ServiceProvider BuildInvoicing(KlarnaSimulator klarna)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("0b6c6a3e-5f0e-4d54-9a7e-3f1f2b8e9c41");
                o.Merchants["SE"] = new KlarnaMerchantOptions { BaseAddress = new Uri("https://api.playground.klarna.com/"), Username = "PK_test", Password = "secret" };
            })
            .UseInMemoryLedger()
            .HttpClient.ConfigurePrimaryHttpMessageHandler(klarna.CreateHandler); // in-process: no port, no network
        return services.BuildServiceProvider();
    }

    private static InvoicingOrder OrderFor(KlarnaSimulator klarna)
    {
        string klarnaOrderId = klarna.SeedOrder(new SimulatedOrder
        {
            Currency = "SEK",
            OrderAmount = 25_000,
            OrderLines = [new SimulatedOrderLine { Name = "Stol", Quantity = 1, UnitPrice = 25_000 }],
        });
        return new InvoicingOrder
        {
            OrderNumber = "10045",
            Currency = "SEK",
            PricesIncludeVat = true,
            KlarnaOrderId = klarnaOrderId,
            Lines = [new InvoicingOrderLine { LineId = "1", Description = "Stol", Quantity = 1, DeliveredQuantity = 1, UnitPrice = 250.00m, VatRate = 25 }],
        };
    }
}
