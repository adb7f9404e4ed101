using Specter.Klarna.Invoicing.Cli.Parsing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>Per-command help and "did you mean" come from the command-line library's tree.</summary>
public sealed class HelpAndSuggestionTests
{
    [Fact]
    public async Task InvoiceHelp_ShowsThatCommandsOptions_AndExitsZero()
    {
        var run = await CliRunner.RunAsync("invoice", "--help");

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Contain("--invoice-number").And.Contain("--order").And.Contain("--password-stdin").And.Contain("--description");
        run.Out.Should().NotContain("--orders", "that is invoice-all's option").And.NotContain("--klarna-order-id");
        run.Out.Should().NotContain("--password ", "no option takes a password on the command line");
    }

    [Fact]
    public async Task InvoiceAllHelp_ShowsConcurrency()
    {
        var run = await CliRunner.RunAsync("invoice-all", "-h");

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Contain("--concurrency").And.Contain("--first-invoice-number");
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_ListsEveryCommand(string help)
    {
        var run = await CliRunner.RunAsync(help);

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Contain("invoice-all").And.Contain("recover").And.Contain("simulator").And.Contain("demo");
    }

    [Fact]
    public async Task MistypedCommand_SuggestsTheClosest_OnOneLine()
    {
        var run = await CliRunner.RunAsync("invocie", "--order", "x.json");

        run.ExitCode.Should().Be(2);
        run.Err.Trim().Should().Be(run.Err.Trim().Split('\n')[0]);
        run.Err.Should().StartWith("klarna-invoicing: unknown command 'invocie'; did you mean 'invoice'?");
    }

    [Fact]
    public async Task MistypedOption_SuggestsTheClosestOptionOfThatCommand()
    {
        var run = await CliRunner.RunAsync("status", "--invoice-nummer", "1");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("unknown option '--invoice-nummer' for 'status'; did you mean --invoice-number?");
    }

    [Fact]
    public async Task SuggestDirective_CompletesOptionsForTheShell()
    {
        var run = await CliRunner.RunAsync("[suggest:13]", "invoice --inv");

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Should().Equal("--invoice-number");
    }

    [Theory]
    [InlineData("invoce", "invoice")]
    [InlineData("statsu", "status")]
    [InlineData("recovr", "recover")]
    [InlineData("invoice-al", "invoice-all")]
    public void Suggestions_FindTyposOfCommands(string typed, string expected) =>
        Suggestions.Closest(typed, ["propose", "invoice", "status", "recover", "invoice-all", "order"]).Should().Be(expected);

    [Fact]
    public void Suggestions_StayQuietWhenNothingIsClose() =>
        Suggestions.Closest("frobnicate", ["propose", "invoice", "status", "recover"]).Should().BeNull();

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEdits(string a, string b, int expected) => Suggestions.Distance(a, b).Should().Be(expected);
}
