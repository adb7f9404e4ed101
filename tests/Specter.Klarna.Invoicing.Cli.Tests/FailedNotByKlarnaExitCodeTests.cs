using System.Text.Json;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>"Klarna refused" (exit 3) only when Klarna answered with an error; a failure Klarna never answered is exit 2 (docs/cli.md).</summary>
public sealed class FailedNotByKlarnaExitCodeTests
{
    private static InvoiceActivationStatus Failed(ActivationFailure failure) => new() { InvoiceNumber = "F-1", State = ActivationState.Failed, Failure = failure };

    [Fact]
    public void TheExitCode_FollowsWhoRefused()
    {
        ErrorMapper.ForStatus(Failed(new ActivationFailure(403, "CAPTURE_NOT_ALLOWED", ["Capture not allowed."], "c-1"))).Should().Be(3, "Klarna refused");
        ErrorMapper.ForStatus(Failed(new ActivationFailure(null, null, ["not sent: At most 1000 order lines are allowed; got 1001."], null))).Should().Be(2, "the library refused the body; nothing reached Klarna");
        ErrorMapper.ForStatus(Failed(new ActivationFailure(null, null, ["Klarna holds no capture for this invoice, its idempotency window has passed …"], null))).Should().Be(2, "reconciliation found nothing at Klarna");
        ErrorMapper.ForStatus(new InvoiceActivationStatus { InvoiceNumber = "F-1", State = ActivationState.Activated }).Should().Be(0);
        ErrorMapper.ForStatus(new InvoiceActivationStatus { InvoiceNumber = "F-1", State = ActivationState.Unknown }).Should().Be(4);
    }

    [Fact]
    public async Task Status_OfAnInvoiceFailedWithoutKlarnaRefusing_IsExitTwo_AndSaysWhatHappened_NotKlarnaRefused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var ledger = new SharedLedgerFactory();
        var (path, _) = sim.ReservedOrder("88201");
        (await CliRunner.RunAsync(sim.Environment, ledger, sim.Common("invoice", "--order", path, "--invoice-number", "88201-1"))).ExitCode.Should().Be(0);
        var activated = (await ledger.Ledger.FindAsync("88201-1"))!;

        // The row the engine writes when the client refuses a body before anything leaves the process (WriteFailures.NotSent).
        (await ledger.Ledger.TryAddAsync(activated with
        {
            InvoiceNumber = "88201-2",
            State = ActivationState.Failed,
            CaptureId = null,
            ActivatedAt = null,
            LastFailure = new ActivationFailure(null, null, ["not sent: At most 1000 order lines are allowed; got 1001."], null),
        })).Status.Should().Be(Persistence.LedgerAddStatus.Added);
        var refusedByKlarna = activated with
        {
            InvoiceNumber = "88201-3",
            State = ActivationState.Failed,
            CaptureId = null,
            ActivatedAt = null,
            LastFailure = new ActivationFailure(403, "CAPTURE_NOT_ALLOWED", ["Capture not allowed."], "c-1"),
        };
        (await ledger.Ledger.TryAddAsync(refusedByKlarna)).Status.Should().Be(Persistence.LedgerAddStatus.Added);

        var notByKlarna = await CliRunner.RunAsync(sim.Environment, ledger, sim.Common("status", "--invoice-number", "88201-2", "--json", "--lang", "en"));
        var byKlarna = await CliRunner.RunAsync(sim.Environment, ledger, sim.Common("status", "--invoice-number", "88201-3", "--json", "--lang", "en"));

        notByKlarna.ExitCode.Should().Be(2, notByKlarna.Err);
        var tooltip = JsonDocument.Parse(notByKlarna.Out).RootElement.GetProperty("tooltip").GetString();
        tooltip.Should().Contain("Klarna did not refuse it").And.Contain("not sent: At most 1000 order lines");
        byKlarna.ExitCode.Should().Be(3, byKlarna.Err);
    }
}
