using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>The CLI part of the bad-input catalogue (docs/reliability.md): exit code 2, one line, no stack trace, no HTTP call, no ledger write.</summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task HostileInputs_ExitTwo_WithOneLine_NoStackTrace_NoCall_NoLedgerWrite()
    {
        var (good, _) = _sim.ReservedOrder("H-1");
        string huge = Path.Combine(_sim.Folder, "huge.json");
        using (var file = File.Create(huge))
        {
            file.SetLength(50L * 1024 * 1024); // refused by its size: the content is never read
        }

        string duplicate = _sim.WriteFile("duplicate.json", File.ReadAllText(good).Replace("\"orderNumber\": \"H-1\",", "\"orderNumber\": \"H-1\", \"orderNumber\": \"H-2\",", StringComparison.Ordinal));
        string exponent = _sim.WriteFile("exponent.json", File.ReadAllText(good).Replace("\"quantity\": 2", "\"quantity\": 2E0", StringComparison.Ordinal));
        string badId = _sim.WriteFile("bad-id.json", SimulatorFixture.OrderJson("H-3", "../../captures"));
        string missingFolder = Path.Combine(_sim.Folder, "no-such-folder", "ledger.db");
        var cases = new (string Because, string[] Args, string Expected, bool RealLedger)[]
        {
            ("50 MB order file", ["invoice", "--order", huge, "--invoice-number", "1"], "52428800 bytes", false),
            ("duplicate JSON property", ["invoice", "--order", duplicate, "--invoice-number", "2"], "duplicate", false),
            ("exponent notation amount", ["invoice", "--order", exponent, "--invoice-number", "3"], "Exponent notation", false),
            ("malformed Klarna order id", ["invoice", "--order", badId, "--invoice-number", "4"], "klarnaOrderId contains '.'", false),
            ("invoice number with a control character", ["invoice", "--order", good, "--invoice-number", "5\u0007"], "InvalidInvoiceNumber", false),
            ("ledger in a folder that does not exist", ["invoice", "--order", good, "--invoice-number", "6", "--ledger", missingFolder], "does not exist", true),
        };

        foreach (var (because, args, expected, realLedger) in cases)
        {
            var ledger = new SharedLedgerFactory();
            var run = await CliRunner.RunAsync(_sim.Environment, realLedger ? null : ledger, _sim.Common(args));

            run.ExitCode.Should().Be(2, because + ": " + run.Err);
            run.Err.Trim().Split('\n').Should().ContainSingle(because);
            run.Err.Should().Contain(expected, because).And.NotContain("   at ", because).And.NotContain(SimulatorFixture.Password, because);
            _sim.Klarna.ReceivedRequests.Should().BeEmpty(because);
            (await ledger.Ledger.ListUnsettledAsync()).Invoices.Should().BeEmpty(because);
            (await ledger.Ledger.GetByOrderAsync("H-1")).Should().BeEmpty(because);
        }

        File.Exists(missingFolder).Should().BeFalse();
        output.WriteLine($"CLI hostile inputs: {cases.Length} cases, each exit code 2 with one line");
    }
}
