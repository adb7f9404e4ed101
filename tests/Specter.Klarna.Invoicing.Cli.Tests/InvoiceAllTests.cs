using System.Text.Json;
using System.Text.RegularExpressions;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>invoice-all: bounded concurrency, one Klarna order at a time, progress on a terminal only, a summary at the end.</summary>
public sealed partial class InvoiceAllTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Concurrent_EveryFileOnce_SameKlarnaOrderInFileOrder_PlainLinesInFileOrder_AndSummary()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_sim.Folder, "many")).FullName;
        var (_, shared) = _sim.ReservedOrder("960", "a1.json", folder: folder, delivered: 1);
        File.WriteAllText(Path.Combine(folder, "a2.json"), SimulatorFixture.OrderJson("960", shared, delivered: 2)); // the rest of the same order
        var ids = new List<string>();
        foreach (string name in new[] { "b", "c", "d", "e" })
        {
            ids.Add(_sim.ReservedOrder("96" + name, name + ".json", folder: folder).KlarnaOrderId);
        }

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice-all", "--orders", folder, "--first-invoice-number", "100", "--concurrency", "3", "--lang", "en"));

        run.ExitCode.Should().Be(0, run.Err + run.Out);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(6);
        string[] expected = ["1/6 a1.json → 100", "2/6 a2.json → 101", "3/6 b.json → 102", "4/6 c.json → 103", "5/6 d.json → 104", "6/6 e.json → 105"];
        for (int i = 0; i < 6; i++)
        {
            lines[i].Should().Contain(expected[i]);
        }

        run.Err.Should().NotContain("\u001b", "redirected stderr gets plain lines, no live bar");
        _sim.Klarna.CapturesFor(shared, "100").Should().ContainSingle().Which.CapturedAmount.Should().Be(125_000);
        _sim.Klarna.CapturesFor(shared, "101").Should().ContainSingle().Which.CapturedAmount.Should().Be(125_000);
        for (int i = 0; i < ids.Count; i++)
        {
            _sim.Klarna.AssertCapturedExactlyOnce(ids[i], (102 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        SummaryCount().Match(run.Out).Groups["n"].Value.Should().Be("6", run.Out);
    }

    [Fact]
    public async Task Json_SummaryCountsEachOutcome_UnknownIsTheExitCode()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_sim.Folder, "mixed")).FullName;
        _sim.ReservedOrder("971", "1.json", folder: folder);
        var (_, lost) = _sim.ReservedOrder("972", "2.json", folder: folder);
        File.WriteAllText(Path.Combine(folder, "3.json"), "{ broken");
        _sim.Klarna.InjectFault(SimulatedFault.ServerErrorAfterApplying().OnOperation(SimulatedOperation.CreateCapture).When(r => r.OrderId == lost).Always());

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice-all", "--orders", folder, "--json"));

        run.ExitCode.Should().Be(4, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var summary = doc.RootElement.GetProperty("summary");
        summary.GetProperty("activated").GetInt32().Should().Be(1);
        summary.GetProperty("unknown").GetInt32().Should().Be(1);
        summary.GetProperty("skipped").GetInt32().Should().Be(1);
        summary.GetProperty("failed").GetInt32().Should().Be(0);
        doc.RootElement.GetProperty("invoices").GetArrayLength().Should().Be(3);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("two")]
    public async Task Concurrency_OutsideOneToSixteen_ExitsTwo(string value)
    {
        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), _sim.Common("invoice-all", "--orders", _sim.Folder, "--concurrency", value));

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("--concurrency").And.Contain("from 1 to 16");
    }

    [Fact]
    public async Task OnAPseudoTerminal_ShowsALiveProgressBar_InsteadOfPlainLines()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_sim.Folder, "pty")).FullName;
        var (_, first) = _sim.ReservedOrder("981", "x.json", folder: folder);
        var (_, second) = _sim.ReservedOrder("982", "y.json", folder: folder);
        string ledger = Path.Combine(_sim.Folder, "pty.db");
        var environment = new Dictionary<string, string?> { ["KLARNA_USERNAME"] = SimulatorFixture.Username, ["KLARNA_PASSWORD"] = SimulatorFixture.Password };
        await using var terminal = PseudoTerminal.Start(
            environment, "invoice-all", "--orders", folder, "--ledger", ledger, "--base-url", _sim.BaseUrl.ToString(), "--lang", "en");

        int exitCode = await terminal.WaitForExitAsync(TimeSpan.FromMinutes(2));

        exitCode.Should().Be(0, terminal.Screen);
        terminal.Screen.Should().Contain("\u001b[", "the live display redraws with escape sequences");
        terminal.Screen.Should().Contain("━", "Spectre.Console's progress bar");
        terminal.Screen.Should().Contain("2/2").And.Contain("/s");
        terminal.Screen.Should().NotContain("░", "the plain-line bar is for redirected output only");
        _sim.Klarna.AssertCapturedExactlyOnce(first, "x");
        _sim.Klarna.AssertCapturedExactlyOnce(second, "y");
    }

    [GeneratedRegex(@"Activated \(or nothing to capture\)\s*│\s*(?<n>\d+)")]
    private static partial Regex SummaryCount();
}
