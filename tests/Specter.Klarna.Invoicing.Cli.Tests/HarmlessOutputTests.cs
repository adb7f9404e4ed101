using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>Text from order files or Klarna cannot drive the terminal; colors only on a terminal without NO_COLOR.</summary>
public sealed class HarmlessOutputTests
{
    private const char Esc = '\u001b';

    [Theory]
    [InlineData("Stol\u001b[2J", "Stol␛[2J")]
    [InlineData("a\u001b]0;title\u0007b", "a␛]0;title␇b")]
    [InlineData("line\nbreak\r", "line␊break␍")]
    [InlineData("del\u007f", "del␡")]
    [InlineData("csi\u009b31m", "csi<U+009B>31m")]
    [InlineData("evil\u202Etxt.exe", "evil<U+202E>txt.exe")]
    [InlineData("Möbelvård [bold]", "Möbelvård [bold]")]
    public void Harmless_ShowsControlCharactersAsVisiblePlaceholders(string text, string expected) =>
        Harmless.Text(text).Should().Be(expected);

    [Fact]
    public async Task Propose_OrderTextWithEscapeSequences_IsPrintedHarmlessly()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        string json = SimulatorFixture.OrderJson("1", null).Replace("\"Stol\"", "\"Stol\\u001b[2J\\u001b]0;pwned\\u0007 [red]x[/]\"", StringComparison.Ordinal);
        string path = sim.WriteFile("escape.json", json);

        var run = await CliRunner.RunAsync(sim.Environment, new SharedLedgerFactory(), sim.Common("propose", "--order", path, "--lang", "en"));

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().NotContain(Esc.ToString()).And.NotContain("\u0007");
        run.Out.Should().Contain("Stol␛[2J␛]0;pwned␇ [red]x[/]", "the text is shown, not interpreted (neither by the terminal nor as markup)");
    }

    [Fact]
    public async Task Status_OnATerminal_IsColored_ButNotWithNoColor_AndNeverWhenRedirected()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var ledger = new SharedLedgerFactory();
        var (path, _) = sim.ReservedOrder("2");
        (await CliRunner.RunAsync(sim.Environment, ledger, sim.Common("invoice", "--order", path, "--invoice-number", "21"))).ExitCode.Should().Be(0);
        var terminal = new CliTerminal(OutputIsTerminal: true, ErrorIsTerminal: true, InputIsTerminal: false, Width: 120);
        string[] args = sim.Common("status", "--invoice-number", "21", "--lang", "en");

        var colored = await CliRunner.RunAsync(sim.Environment, ledger, string.Empty, terminal, args);
        var noColor = await CliRunner.RunAsync(new Dictionary<string, string>(sim.Environment) { ["NO_COLOR"] = "1" }, ledger, string.Empty, terminal, args);
        var redirected = await CliRunner.RunAsync(sim.Environment, ledger, string.Empty, CliTerminal.Redirected, args);

        colored.Out.Should().Contain(Esc + "[32m", "activated is green on a color terminal");
        noColor.Out.Should().NotContain(Esc + "[3").And.Contain("The invoice is activated at Klarna");
        redirected.Out.Should().NotContain(Esc.ToString()).And.Contain("The invoice is activated at Klarna");
    }
}
