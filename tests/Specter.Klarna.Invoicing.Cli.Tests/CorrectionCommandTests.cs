namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>credit, cancel and update-authorization against the simulator, with the SQLite ledger across runs.</summary>
public sealed class CorrectionCommandTests
{
    [Fact]
    public async Task Credit_ReturnOfOneChair_IsRefundedOnce_ThenAPriceReduction_ThenMoreThanIsLeftIsARuleError()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (path, klarnaOrderId) = sim.ReservedOrder("88101");
        string ledger = Path.Combine(sim.Folder, "ledger.db");
        string lines = sim.WriteFile("return.json", """[{ "orderLineId": "1", "quantity": 1 }]""");
        (await CliRunner.RunAsync(sim.Environment, null, sim.Common("invoice", "--order", path, "--invoice-number", "88101-1", "--ledger", ledger))).ExitCode.Should().Be(0);

        var credit = await CliRunner.RunAsync(sim.Environment, null, sim.Common("credit", "--invoice-number", "88101-1", "--credit-number", "88101-K1", "--lines", lines, "--ledger", ledger, "--lang", "en"));
        var reduction = await CliRunner.RunAsync(sim.Environment, null, sim.Common("credit", "--invoice-number", "88101-1", "--credit-number", "88101-K2", "--amount", "100.00", "--vat-rate", "25", "--ledger", ledger));
        var tooMuch = await CliRunner.RunAsync(sim.Environment, null, sim.Common("credit", "--invoice-number", "88101-1", "--credit-number", "88101-K3", "--amount", "1200.00", "--vat-rate", "25", "--ledger", ledger));

        credit.ExitCode.Should().Be(0, credit.Err);
        credit.Out.Should().Contain("The credit invoice is refunded at Klarna");
        reduction.ExitCode.Should().Be(0, reduction.Err);
        tooMuch.ExitCode.Should().Be(2, tooMuch.Err);
        sim.Klarna.GetOrder(klarnaOrderId).RefundedAmount.Should().Be(125_000 + 10_000, "one chair of 1 250,00 kr and a 100,00 kr reduction");
    }

    [Fact]
    public async Task ProposeCredit_ShowsTheRefundPerVatRate_AndWhatIsLeftOnInvoiceAndOrder_AndSendsNothing()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (path, _) = sim.ReservedOrder("88103");
        string ledger = Path.Combine(sim.Folder, "ledger.db");
        string lines = sim.WriteFile("return.json", """[{ "orderLineId": "1", "quantity": 1 }]""");
        (await CliRunner.RunAsync(sim.Environment, null, sim.Common("invoice", "--order", path, "--invoice-number", "88103-1", "--ledger", ledger))).ExitCode.Should().Be(0);

        var human = await CliRunner.RunAsync(sim.Environment, null, sim.Common("propose-credit", "--invoice-number", "88103-1", "--credit-number", "88103-K1", "--lines", lines, "--ledger", ledger, "--lang", "en"));
        var json = await CliRunner.RunAsync(sim.Environment, null, sim.Common("propose-credit", "--invoice-number", "88103-1", "--amount", "100.00", "--vat-rate", "25", "--ledger", ledger, "--json"));

        human.ExitCode.Should().Be(0, human.Err);
        human.Out.Should().Contain("Refunded per VAT rate").And.Contain("88103-K1").And.Contain("1,250.00 SEK").And.Contain("250.00 SEK", "VAT of 1 250,00 at 25 %");
        json.ExitCode.Should().Be(0, json.Err);
        var root = System.Text.Json.JsonDocument.Parse(json.Out).RootElement;
        root.GetProperty("canCreate").GetBoolean().Should().BeTrue();
        var rate = root.GetProperty("refundedPerVatRate").EnumerateArray().Should().ContainSingle().Subject;
        rate.GetProperty("vatRate").GetDecimal().Should().Be(25);
        rate.GetProperty("amount").GetProperty("minorUnits").GetInt64().Should().Be(10_000);
        rate.GetProperty("vat").GetProperty("minorUnits").GetInt64().Should().Be(2_000, "100,00 × 25 / 125");
        root.GetProperty("leftOnInvoice").GetProperty("minorUnits").GetInt64().Should().Be(250_000 - 10_000);
        root.GetProperty("leftOnOrder").GetProperty("minorUnits").GetInt64().Should().Be(250_000 - 10_000);
        sim.Klarna.ReceivedRequests.Should().NotContain(r => r.Operation == Testing.SimulatedOperation.CreateRefund, "a proposal sends nothing");
    }

    [Fact]
    public async Task ProposeCredit_OfMoreThanIsLeft_IsARuleError_WithTheRuleInJson()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (path, _) = sim.ReservedOrder("88104");
        string ledger = Path.Combine(sim.Folder, "ledger.db");
        string lines = sim.WriteFile("return.json", """[{ "orderLineId": "1", "quantity": 3 }]""");
        (await CliRunner.RunAsync(sim.Environment, null, sim.Common("invoice", "--order", path, "--invoice-number", "88104-1", "--ledger", ledger))).ExitCode.Should().Be(0);

        var run = await CliRunner.RunAsync(sim.Environment, null, sim.Common("propose-credit", "--invoice-number", "88104-1", "--lines", lines, "--ledger", ledger, "--json", "--lang", "en"));

        run.ExitCode.Should().Be(2, run.Err);
        var root = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        root.GetProperty("canCreate").GetBoolean().Should().BeFalse();
        var violation = root.GetProperty("violations").EnumerateArray().Should().ContainSingle().Subject;
        violation.GetProperty("rule").GetString().Should().Be("CreditExceedsInvoice");
        violation.GetProperty("message").GetString().Should().Be("Order line 1: 3 cannot be credited; only 2 is left to credit on this invoice.");
        root.GetProperty("leftOnInvoice").GetProperty("minorUnits").GetInt64().Should().Be(250_000);
    }

    [Fact]
    public async Task UpdateAuthorization_AnIncreaseACardPaymentDoesNotAllow_IsKlarnasRefusalInItsOwnWords_AndChangesNothing()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        string id = sim.Klarna.SeedOrder(new Testing.SimulatedOrder
        {
            Currency = "SEK",
            OrderAmount = 200_000,
            OrderLines = [new Testing.SimulatedOrderLine { Name = "Order", Quantity = 1, UnitPrice = 200_000 }],
            PaymentMethod = "PAY_BY_CARD",
        });
        string path = sim.WriteFile("88105.json", SimulatorFixture.OrderJson("88105", id));

        var run = await CliRunner.RunAsync(sim.Environment, null, sim.Common("update-authorization", "--order", path, "--ledger", Path.Combine(sim.Folder, "ledger.db"), "--json"));

        run.ExitCode.Should().Be(3, run.Err);
        run.Err.Should().Contain("NOT_ALLOWED").And.Contain("Update not allowed.");
        System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("code").GetString().Should().Be("NOT_ALLOWED");
        sim.Klarna.GetOrder(id).OrderAmount.Should().Be(200_000, "Klarna changed nothing");
    }

    [Fact]
    public async Task Cancel_BeforeAnyCapture_CancelsTheOrder_AndUpdateAuthorizationAfterwardsIsKlarnasRefusal()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (path, klarnaOrderId) = sim.ReservedOrder("88102");
        string ledger = Path.Combine(sim.Folder, "ledger.db");

        var cancel = await CliRunner.RunAsync(sim.Environment, null, sim.Common("cancel", "--klarna-order-id", klarnaOrderId, "--ledger", ledger));
        var update = await CliRunner.RunAsync(sim.Environment, null, sim.Common("update-authorization", "--order", path, "--ledger", ledger));

        cancel.ExitCode.Should().Be(0, cancel.Err);
        sim.Klarna.GetOrder(klarnaOrderId).Status.Should().Be("CANCELLED");
        update.ExitCode.Should().Be(3, update.Err);
        update.Err.Should().Contain("Update not allowed.");
    }
}
