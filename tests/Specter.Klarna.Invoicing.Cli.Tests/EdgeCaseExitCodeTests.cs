using System.Text.Json;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>The money edge cases through the CLI, each with its documented exit code (docs/cli.md) and no stack trace.</summary>
public sealed class EdgeCaseExitCodeTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task FullPrepaymentThenDelivery_ZeroValueInvoice_ExitZero_NothingSent()
    {
        var ledger = new SharedLedgerFactory();
        var (path, id) = _sim.ReservedOrder("800", delivered: 0);
        string deliveredPath = _sim.WriteFile("800-delivered.json", SimulatorFixture.OrderJson("800", id, delivered: 2));

        var prepaid = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "8001", "--type", "prepayment", "--percent", "100", "--allow-prepayment-capture", "--json"));
        var delivery = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", deliveredPath, "--invoice-number", "8002", "--json"));

        prepaid.ExitCode.Should().Be(0, prepaid.Err);
        delivery.ExitCode.Should().Be(0, delivery.Err);
        using var doc = JsonDocument.Parse(delivery.Out);
        doc.RootElement.GetProperty("status").GetProperty("state").GetString().Should().Be("NotKlarna");
        doc.RootElement.GetProperty("plan").GetProperty("total").GetProperty("minorUnits").GetInt64().Should().Be(0);
        _sim.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(1);
        delivery.Err.Should().NotContain("   at ");
    }

    [Fact]
    public async Task BackOrderLeftReserved_ExitZero_WithTheWarning()
    {
        var ledger = new SharedLedgerFactory();
        var (_, id) = _sim.ReservedOrder("801");
        // The ERP order is one chair of the two Klarna reserved: the other went to a back-order.
        string path = _sim.WriteFile("801-split.json", InvoicingOrderJson.Serialize(new InvoicingOrder
        {
            OrderNumber = "801",
            Currency = "SEK",
            PricesIncludeVat = true,
            KlarnaOrderId = id,
            Lines = [new InvoicingOrderLine { LineId = "1", Description = "Stol", Quantity = 1, DeliveredQuantity = 1, UnitPrice = 1250.00m, VatRate = 25 }],
        }));

        var run = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "8011", "--json"));

        run.ExitCode.Should().Be(0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        doc.RootElement.GetProperty("remainingAuthorizationReleased").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString().Should().Be("AuthorizationStillReserved");
        _sim.Klarna.GetOrder(id).RemainingAuthorizedAmount.Should().Be(125_000);
    }

    [Fact]
    public async Task WeighedGoods_ExitZero_CaptureTooLarge_ExitTwo()
    {
        var ledger = new SharedLedgerFactory();
        string id = _sim.Klarna.SeedOrder(new SimulatedOrder { Currency = "SEK", OrderAmount = 200_000_000, OrderLines = [new SimulatedOrderLine { Name = "Order", Quantity = 1, UnitPrice = 200_000_000 }] });
        string weighed = _sim.WriteFile("802.json", InvoicingOrderJson.Serialize(new InvoicingOrder
        {
            OrderNumber = "802",
            Currency = "SEK",
            PricesIncludeVat = true,
            KlarnaOrderId = id,
            Lines = [new InvoicingOrderLine { LineId = "1", Description = "Ost", Quantity = 1.234m, DeliveredQuantity = 1.234m, Unit = "kg", UnitPrice = 89.90m, VatRate = 12 }],
        }));
        string huge = _sim.WriteFile("803.json", InvoicingOrderJson.Serialize(new InvoicingOrder
        {
            OrderNumber = "803",
            Currency = "SEK",
            PricesIncludeVat = true,
            KlarnaOrderId = id,
            Lines = [new InvoicingOrderLine { LineId = "1", Description = "Maskin", Quantity = 2, DeliveredQuantity = 2, UnitPrice = 1_100_000m, VatRate = 25 }],
        }));

        var ok = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", weighed, "--invoice-number", "8021", "--json"));
        var tooLarge = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", huge, "--invoice-number", "8031"));

        ok.ExitCode.Should().Be(0, ok.Err);
        _sim.Klarna.AssertCapturedExactlyOnce(id, "8021").CapturedAmount.Should().Be(11_094);
        tooLarge.ExitCode.Should().Be(2, tooLarge.Err);
        tooLarge.Err.Should().Contain("CaptureTooLarge").And.NotContain("   at ");
    }
}
