using System.Text;
using System.Text.RegularExpressions;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>The CLI's default ledger (SQLite at --ledger) remembers across runs; the simulator command serves other runs.</summary>
public sealed partial class SqliteLedgerAndSimulatorCommandTests
{
    [Fact]
    public async Task DefaultSqliteLedger_RemembersInvoicesAcrossRuns_StatusNeedsNoCredentials_AndReRunIsLocked()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (path, klarnaOrderId) = sim.ReservedOrder("88001");
        string ledger = Path.Combine(sim.Folder, "ledger.db");

        var first = await CliRunner.RunAsync(sim.Environment, null, sim.Common("invoice", "--order", path, "--invoice-number", "88001-1", "--ledger", ledger));
        var status = await CliRunner.RunAsync("status", "--invoice-number", "88001-1", "--ledger", ledger, "--lang", "en");
        var again = await CliRunner.RunAsync(sim.Environment, null, sim.Common("invoice", "--order", path, "--invoice-number", "88001-1", "--ledger", ledger));

        first.ExitCode.Should().Be(0, first.Err);
        status.ExitCode.Should().Be(0, status.Err);
        status.Out.Should().Contain("The invoice is activated at Klarna");
        again.ExitCode.Should().Be(5, again.Err);
        sim.Klarna.AssertCapturedExactlyOnce(klarnaOrderId, "88001-1");
    }

    [Fact]
    public async Task SimulatorCommand_ServesReservedOrdersUntilCancelled()
    {
        string folder = Directory.CreateTempSubdirectory("klarna-cli-sim-").FullName;
        try
        {
            const string klarnaOrderId = "0b1d9815-165e-42e2-8867-35bc03789e00";
            string orderPath = Path.Combine(folder, "100234.json");
            await File.WriteAllTextAsync(orderPath, SimulatorFixture.OrderJson("100234", klarnaOrderId));
            using var cancel = new CancellationTokenSource();
            var output = new LineWriter();
            var simulator = CliApp.RunAsync(["simulator", "--orders", folder], output, TextWriter.Null, _ => null, null, cancel.Token);
            await output.WaitForAsync(Ready(), TimeSpan.FromSeconds(30)); // the orders are reserved before this line
            string url = BaseUrl().Match(output.Text).Value;
            var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = "simulator", ["KLARNA_PASSWORD"] = "simulator-secret" };

            var invoice = await CliRunner.RunAsync(environment, new SharedLedgerFactory(), "invoice", "--order", orderPath, "--invoice-number", "7001", "--base-url", url);
            await cancel.CancelAsync();

            invoice.ExitCode.Should().Be(0, invoice.Err);
            output.Text.Should().Contain("100234: " + klarnaOrderId + " 2500.00 SEK");
            (await simulator).Should().Be(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex BaseUrl();

    [GeneratedRegex("Ctrl\\+C")]
    private static partial Regex Ready();

    /// <summary>Collects output and lets a test wait for a pattern to appear.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public async Task<string> WaitForAsync(Regex pattern, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (pattern.Match(Text) is { Success: true } match)
                {
                    return match.Value;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("The simulator did not print its address: " + Text);
        }
    }
}
