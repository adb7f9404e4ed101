using System.Text.Json;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

public sealed class ExitCodeTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Propose_ThenInvoice_Activates_ExitZero_AndJsonParses()
    {
        var ledger = new SharedLedgerFactory();
        var (path, id) = _sim.ReservedOrder("700");

        var proposal = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("propose", "--order", path, "--json"));
        proposal.ExitCode.Should().Be(0, proposal.Err);
        using (var doc = JsonDocument.Parse(proposal.Out))
        {
            doc.RootElement.GetProperty("proposedType").GetString().Should().Be("Delivery");
            doc.RootElement.GetProperty("plan").GetProperty("total").GetProperty("minorUnits").GetInt64().Should().Be(250_000);
            doc.RootElement.GetProperty("canCreate").GetBoolean().Should().BeTrue();
        }

        var invoice = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "7001", "--json"));
        invoice.ExitCode.Should().Be(0, invoice.Err);
        using (var doc = JsonDocument.Parse(invoice.Out))
        {
            doc.RootElement.GetProperty("status").GetProperty("state").GetString().Should().Be("Activated");
            doc.RootElement.GetProperty("status").GetProperty("locked").GetBoolean().Should().BeTrue();
        }

        _sim.Klarna.AssertCapturedExactlyOnce(id, "7001").CapturedAmount.Should().Be(250_000);

        var status = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("status", "--invoice-number", "7001", "--lang", "en"));
        status.ExitCode.Should().Be(0, status.Err);
        status.Out.Should().Contain("The invoice is activated at Klarna");

        var order = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("order", "--klarna-order-id", id, "--json"));
        order.ExitCode.Should().Be(0, order.Err);
        using (var doc = JsonDocument.Parse(order.Out))
        {
            doc.RootElement.GetProperty("capturedAmount").GetInt64().Should().Be(250_000);
            doc.RootElement.GetProperty("captures")[0].GetProperty("reference").GetString().Should().Be("7001");
        }
    }

    [Fact]
    public async Task OrderWithoutReservation_NothingSentToKlarna_ExitZero()
    {
        string path = _sim.WriteFile("no-klarna.json", SimulatorFixture.OrderJson("701", null));

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice", "--order", path, "--invoice-number", "7011", "--json"));

        run.ExitCode.Should().Be(0, run.Err);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("status").GetProperty("state").GetString().Should().Be("NotKlarna");
        _sim.Klarna.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task KlarnaRefuses_ExitThree_WithItsErrorCode()
    {
        // Klarna refuses to extend an expired authorization (403 NOT_ALLOWED).
        var (_, id) = _sim.ReservedOrder("702", expiresAt: DateTimeOffset.UtcNow.AddDays(-1));

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("extend", "--klarna-order-id", id));

        run.ExitCode.Should().Be(3, run.Err);
        run.Err.Should().Contain("403").And.Contain("NOT_ALLOWED").And.Contain("correlation id");
    }

    [Fact]
    public async Task LostAnswer_ExitFour_OtherInvoiceOnTheOrderExitFive_RecoverSettlesIt()
    {
        var ledger = new SharedLedgerFactory();
        var (path, id) = _sim.ReservedOrder("703", delivered: 1);
        string rest = _sim.WriteFile("703-rest.json", SimulatorFixture.OrderJson("703", id, delivered: 2));
        _sim.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());

        var unknown = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "7031"));
        unknown.ExitCode.Should().Be(4, unknown.Err);
        unknown.Out.Should().Contain("Aktiveringens utfall är ännu okänt");

        var inProgress = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", rest, "--invoice-number", "7032"));
        inProgress.ExitCode.Should().Be(5, inProgress.Err);
        inProgress.Err.Should().Contain("ActivationInProgress");

        var status = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("status", "--invoice-number", "7031", "--json"));
        status.ExitCode.Should().Be(4);
        JsonDocument.Parse(status.Out).RootElement.GetProperty("state").GetString().Should().Be("Unknown");

        _sim.Klarna.ClearFaults();
        var recover = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("recover", "--json"));
        recover.ExitCode.Should().Be(0, recover.Err + recover.Out);
        JsonDocument.Parse(recover.Out).RootElement.GetProperty("stillUnsettled").GetInt32().Should().Be(0);

        var settled = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("status", "--invoice-number", "7031"));
        settled.ExitCode.Should().Be(0);
        _sim.Klarna.AssertCapturedExactlyOnce(id, "7031");
    }

    [Fact]
    public async Task InvoiceAll_InvoicesEveryFile_WithProgress_AndSequentialNumbers()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_sim.Folder, "batch")).FullName;
        var (_, id1) = _sim.ReservedOrder("801", "a.json", folder: folder);
        var (_, id2) = _sim.ReservedOrder("802", "b.json", folder: folder);

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice-all", "--orders", folder, "--first-invoice-number", "9001", "--json"));

        run.ExitCode.Should().Be(0, run.Err);
        run.Err.Should().Contain("1/2 a.json → 9001").And.Contain("2/2 b.json → 9002");
        JsonDocument.Parse(run.Out).RootElement.GetProperty("invoices").GetArrayLength().Should().Be(2);
        _sim.Klarna.AssertCapturedExactlyOnce(id1, "9001");
        _sim.Klarna.AssertCapturedExactlyOnce(id2, "9002");
    }

    [Fact]
    public async Task InvoiceAll_BadFile_IsReported_OthersStillInvoiced_ExitTwo()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_sim.Folder, "mixed")).FullName;
        var (_, id) = _sim.ReservedOrder("803", "803.json", folder: folder);
        File.WriteAllText(Path.Combine(folder, "804.json"), "{ not json");

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice-all", "--orders", folder));

        run.ExitCode.Should().Be(2, run.Err);
        run.Out.Should().Contain("803").And.Contain("804");
        _sim.Klarna.AssertCapturedExactlyOnce(id, "803"); // the file name is the invoice number
    }

    [Fact]
    public async Task Credentials_NeverAppearInAnyOutput()
    {
        var ledger = new SharedLedgerFactory();
        var (path, id) = _sim.ReservedOrder("704");
        var runs = new List<CliRun>
        {
            await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("propose", "--order", path)),
            await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "7041", "--json")),
            await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("order", "--klarna-order-id", id)),
            await CliRunner.RunAsync(new Dictionary<string, string> { ["KLARNA_USERNAME"] = "PK_wrong", ["KLARNA_PASSWORD"] = "Wr0ng-secret-value" }, ledger, _sim.Common("order", "--klarna-order-id", id)),
            await CliRunner.RunAsync(null, ledger, "order", "--klarna-order-id", id, "--password", "Opt-secret-value", "--username", "PK_x", "--base-url", "http://example.com/"),
        };

        runs[3].ExitCode.Should().Be(3, "a wrong password is Klarna's 401: " + runs[3].Err);
        runs[4].ExitCode.Should().Be(2);
        foreach (var run in runs)
        {
            (run.Out + run.Err).Should().NotContain(SimulatorFixture.Password).And.NotContain("Wr0ng-secret-value").And.NotContain("Opt-secret-value");
        }
    }
}
