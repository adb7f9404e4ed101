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
