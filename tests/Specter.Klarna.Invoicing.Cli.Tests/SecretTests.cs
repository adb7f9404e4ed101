using System.Text.Json;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>No secret on the command line: the environment, --password-stdin or a no-echo prompt; parse errors repeat no value.</summary>
public sealed class SecretTests : IAsyncLifetime
{
    private const string Secret = "Hunter2-Very-Secret";

    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<string, string[]> SecretsInTheWrongPlace() => new()
    {
        { "--password is refused", ["order", "--klarna-order-id", "x", "--password", Secret] },
        { "--password= is refused", ["order", "--klarna-order-id", "x", $"--password={Secret}"] },
        { "--api-key is refused", ["order", "--klarna-order-id", "x", "--api-key", Secret] },
        { "a stray value after --username", ["order", "--klarna-order-id", "x", "--username", "PK_1", Secret] },
        { "a value given to a flag", ["order", "--klarna-order-id", "x", $"--json={Secret}"] },
        { "a secret typed as an option", ["order", "--klarna-order-id", "x", "--" + Secret + "!"] },
        { "a secret where the command goes", [Secret + "!"] },
    };

    [Theory]
    [MemberData(nameof(SecretsInTheWrongPlace))]
    public async Task ParseErrors_NeverRepeatAValue_AndExitTwo(string because, string[] args)
    {
        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), args);

        run.ExitCode.Should().Be(2, because);
        run.Err.Trim().Split('\n').Should().ContainSingle(because);
        (run.Out + run.Err).Should().NotContain(Secret, because);
        _sim.Klarna.ReceivedRequests.Should().BeEmpty(because);
    }

    [Fact]
    public async Task PasswordOption_IsRefused_PointingToTheSafeWays()
    {
        var run = await CliRunner.RunAsync(_sim.Environment, null, "status", "--invoice-number", "1", "--password", Secret);

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("--password is not accepted").And.Contain("KLARNA_PASSWORD").And.Contain("--password-stdin");
    }

    [Fact]
    public async Task PasswordStdin_ReadsTheFirstLine_AndTheCommandTalksToKlarna()
    {
        var (_, id) = _sim.ReservedOrder("901");
        var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = SimulatorFixture.Username };

        var run = await CliRunner.RunAsync(
            environment, new SharedLedgerFactory(), SimulatorFixture.Password + "\n", CliTerminal.Redirected, _sim.Common("order", "--klarna-order-id", id, "--password-stdin", "--json"));

        run.ExitCode.Should().Be(0, run.Err);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("orderId").GetString().Should().Be(id);
        (run.Out + run.Err).Should().NotContain(SimulatorFixture.Password);
    }

    [Fact]
    public async Task PasswordStdin_BeatsTheEnvironment()
    {
        var (_, id) = _sim.ReservedOrder("902");
        var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = SimulatorFixture.Username, ["KLARNA_PASSWORD"] = "wrong-password" };

        var run = await CliRunner.RunAsync(
            environment, new SharedLedgerFactory(), SimulatorFixture.Password + "\n", CliTerminal.Redirected, _sim.Common("order", "--klarna-order-id", id, "--password-stdin"));

        run.ExitCode.Should().Be(0, run.Err);
    }

    [Fact]
    public async Task PasswordStdin_Empty_ExitsTwo_BeforeAnythingIsSent()
    {
        var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = SimulatorFixture.Username };

        var run = await CliRunner.RunAsync(environment, new SharedLedgerFactory(), string.Empty, CliTerminal.Redirected, _sim.Common("order", "--klarna-order-id", "x", "--password-stdin"));

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("--password-stdin: stdin held no password");
        _sim.Klarna.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task NoPassword_AndNoTerminalToAsk_ExitsTwo_NamingEveryWay()
    {
        var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = SimulatorFixture.Username };

        var run = await CliRunner.RunAsync(environment, new SharedLedgerFactory(), string.Empty, CliTerminal.Redirected, _sim.Common("order", "--klarna-order-id", "x"));

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("KLARNA_PASSWORD").And.Contain("--password-stdin");
    }

    [Fact]
    public async Task OnATerminal_WithoutAPassword_PromptsWithoutEcho()
    {
        var (_, id) = _sim.ReservedOrder("903");
        var environment = new Dictionary<string, string?> { ["KLARNA_USERNAME"] = SimulatorFixture.Username, ["KLARNA_PASSWORD"] = null };
        await using var terminal = PseudoTerminal.Start(environment, "order", "--klarna-order-id", id, "--base-url", _sim.BaseUrl.ToString(), "--lang", "en");

        await terminal.WaitForAsync("Klarna password or API key:", TimeSpan.FromMinutes(1));
        await terminal.WaitUntilEchoIsOffAsync(TimeSpan.FromMinutes(1));
        await terminal.TypeAsync(SimulatorFixture.Password + "\r");
        int exitCode = await terminal.WaitForExitAsync(TimeSpan.FromMinutes(1));

        exitCode.Should().Be(0, terminal.Screen);
        terminal.Screen.Should().Contain(id).And.Contain("AUTHORIZED");
        terminal.Screen.Should().NotContain(SimulatorFixture.Password, "what is typed is not echoed");
    }
}
