namespace Specter.Klarna.Invoicing.Cli.Tests;

public sealed class BadInputTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<string, string[], string> Cases() => new()
    {
        { "unknown command", ["frobnicate"], "unknown command 'frobnicate'" },
        { "unknown option", ["status", "--invoice-number", "1", "--colour", "red"], "unknown option '--colour'" },
        { "option without value", ["status", "--invoice-number"], "--invoice-number needs a value" },
        { "missing required option", ["propose"], "needs --order" },
        { "missing file", ["propose", "--order", "{dir}/nope.json"], "order file not found" },
        { "malformed JSON", ["propose", "--order", "{malformed}"], "MalformedJson" },
        { "wrong field type", ["propose", "--order", "{wrongtype}"], "MalformedJson" },
        { "invalid order", ["propose", "--order", "{invalid}"], "DeliveredExceedsOrdered" },
        { "unknown type", ["propose", "--order", "{good}", "--type", "monthly"], "unknown invoice type 'monthly'" },
        { "percent zero", ["propose", "--order", "{good}", "--type", "prepayment", "--percent", "0"], "outside (0, 100]" },
        { "percent over 100", ["invoice", "--order", "{good}", "--invoice-number", "9", "--percent", "100.5"], "outside (0, 100]" },
        { "percent not a number", ["propose", "--order", "{good}", "--percent", "abc"], "is not a number" },
        { "prepayment without percent", ["propose", "--order", "{good}", "--type", "prepayment"], "needs --percent" },
        { "percent with another type", ["propose", "--order", "{good}", "--type", "final", "--percent", "30"], "only for --type prepayment" },
        { "unknown language", ["demo", "--lang", "de"], "unknown language 'de'" },
        { "unknown environment", ["status", "--invoice-number", "1", "--environment", "staging"], "unknown environment" },
        { "unknown region", ["status", "--invoice-number", "1", "--region", "eu-west"], "unknown region" },
        { "bad base url", ["status", "--invoice-number", "1", "--base-url", "not a url"], "is not an absolute http(s) URL" },
        { "remote plain http", ["status", "--invoice-number", "1", "--base-url", "http://example.com/"], "invalid configuration" },
        { "missing orders folder", ["invoice-all", "--orders", "{dir}/none"], "orders folder not found" },
        { "bad first invoice number", ["invoice-all", "--orders", "{dir}", "--first-invoice-number", "-3"], "is not a positive whole number" },
        { "unknown invoice", ["status", "--invoice-number", "404"], "is not in the ledger" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_ExitsTwo_WithOneLineNamingTheProblem_AndNoStackTrace(string because, string[] args, string expected)
    {
        string good = _sim.WriteFile("good.json", SimulatorFixture.OrderJson("1", null));
        string malformed = _sim.WriteFile("malformed.json", "{ \"orderNumber\": \"1\", ");
        string wrongType = _sim.WriteFile("wrongtype.json", good.Length > 0 ? File.ReadAllText(good).Replace("\"quantity\": 2", "\"quantity\": \"two\"", StringComparison.Ordinal) : string.Empty);
        string invalid = _sim.WriteFile("invalid.json", File.ReadAllText(good).Replace("\"deliveredQuantity\": 2", "\"deliveredQuantity\": 5", StringComparison.Ordinal));
        var resolved = args.Select(a => a.Replace("{dir}", _sim.Folder, StringComparison.Ordinal)
            .Replace("{good}", good, StringComparison.Ordinal)
            .Replace("{malformed}", malformed, StringComparison.Ordinal)
            .Replace("{wrongtype}", wrongType, StringComparison.Ordinal)
            .Replace("{invalid}", invalid, StringComparison.Ordinal)).ToArray();

        var run = await CliRunner.RunAsync(_sim.Environment, new SharedLedgerFactory(), resolved);

        run.ExitCode.Should().Be(2, because + ": " + run.Err);
        run.Err.Trim().Split('\n').Should().ContainSingle(because);
        run.Err.Should().Contain(expected, because).And.NotContain("   at ", because);
        _sim.Klarna.ReceivedRequests.Should().BeEmpty(because);
    }

    [Fact]
    public async Task MissingCredentials_ExitsTwo_NamingTheVariables()
    {
        string good = _sim.WriteFile("good.json", SimulatorFixture.OrderJson("1", null));

        var run = await CliRunner.RunAsync(new Dictionary<string, string>(), null, "propose", "--order", good);

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("KLARNA_USERNAME").And.Contain("KLARNA_PASSWORD");
    }

    [Fact]
    public async Task BadInput_WithJson_StillPrintsParsableJson()
    {
        var run = await CliRunner.RunAsync(_sim.Environment, null, "propose", "--order", Path.Combine(_sim.Folder, "nope.json"), "--json");

        run.ExitCode.Should().Be(2);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out);
        doc.RootElement.GetProperty("exitCode").GetInt32().Should().Be(2);
        doc.RootElement.GetProperty("error").GetString().Should().Be("invalid-input");
    }

    [Fact]
    public async Task AsAProcess_UnknownCommand_ExitsTwo_WithoutStackTrace()
    {
        string dll = typeof(CliApp).Assembly.Location;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "frobnicate"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        string err = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        err.Trim().Should().StartWith("klarna-invoicing: unknown command 'frobnicate'").And.NotContain("   at ");
    }
}
