using System.Text.Json;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>
/// payouts and reconcile over the SQLite ledger and the simulator's Settlements API. Klarna's fee 2.99 %, 25 % VAT:
/// invoice 2 500.00 SEK → fee 74.75 (7 475 öre), VAT 18.69 (1 868.75 → 1 869); to the bank 2 500.00 − 74.75 − 18.69 = 2 406.56.
/// </summary>
public sealed class PayoutCommandTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync(new KlarnaSimulatorOptions { PayoutFeeRate = 299 });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Payouts_ImportsThePeriodOnce_AndListsTheBalancedPayout()
    {
        string ledger = Ledger("payouts.db");
        var payout = await InvoiceAndPayOutAsync(ledger, "801", "8001");
        string day = payout.PayoutDate.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await Run("payouts", "--from", day, "--to", day, "--ledger", ledger, "--json");
        var second = await Run("payouts", "--from", day, "--to", day, "--ledger", ledger, "--json");
        var human = await Run("payouts", "--from", day, "--to", day, "--ledger", ledger, "--lang", "en");

        first.ExitCode.Should().Be(0, first.Err);
        using (var doc = JsonDocument.Parse(first.Out))
        {
            doc.RootElement.GetProperty("newMarkings").GetInt32().Should().Be(1);
            doc.RootElement.GetProperty("balanced").GetBoolean().Should().BeTrue();
            var p = doc.RootElement.GetProperty("payouts").EnumerateArray().Should().ContainSingle().Subject;
            p.GetProperty("paymentReference").GetString().Should().Be(payout.PaymentReference);
            p.GetProperty("settlementAmount").GetProperty("minorUnits").GetInt64().Should().Be(240_656);
            var marking = p.GetProperty("markings").EnumerateArray().Should().ContainSingle().Subject;
            (marking.GetProperty("documentNumber").GetString(), marking.GetProperty("amount").GetProperty("minorUnits").GetInt64(), marking.GetProperty("new").GetBoolean())
                .Should().Be(("8001", 250_000L, true));
            p.GetProperty("bookingLines").EnumerateArray().Select(l => (l.GetProperty("amount").GetProperty("minorUnits").GetInt64(), l.GetProperty("vat").GetProperty("minorUnits").GetInt64()))
                .Should().Equal((-7_475L, -1_869L));
        }

        JsonDocument.Parse(second.Out).RootElement.GetProperty("newMarkings").GetInt32().Should().Be(0, "importing the same payout again marks nothing twice");
        human.ExitCode.Should().Be(0, human.Err);
        human.Out.Should().Contain(payout.PaymentReference).And.Contain("2,406.56 SEK").And.Contain("1 (0)").And.Contain("balanced")
            .And.Contain("1 payouts read, 0 new payment markings recorded in the ledger.");
    }

    [Fact]
    public async Task Payouts_AnEmptyPeriod_SaysSo_AndExitsZero()
    {
        var run = await Run("payouts", "--from", "2020-01-01", "--to", "2020-01-31", "--ledger", Ledger("empty.db"), "--lang", "en");
        var json = await Run("payouts", "--from", "2020-01-01", "--to", "2020-01-31T23:59:59Z", "--ledger", Ledger("empty.db"), "--json");

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Be("No Klarna payouts in the period." + Environment.NewLine);
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.GetProperty("payouts").GetArrayLength().Should().Be(0);
        doc.RootElement.GetProperty("to").GetDateTimeOffset().Should().Be(new DateTimeOffset(2020, 1, 31, 23, 59, 59, TimeSpan.Zero));
    }

    [Fact]
    public async Task Reconcile_PrintsTheMarkingsAndTheBalanceCheck()
    {
        string ledger = Ledger("reconcile.db");
        var payout = await InvoiceAndPayOutAsync(ledger, "802", "8002");

        var run = await Run("reconcile", "--payment-reference", payout.PaymentReference, "--ledger", ledger);

        run.ExitCode.Should().Be(0, run.Err);
        Plain(run.Out).Should().Contain("8002").And.Contain("betald av Klarna").And.Contain("2 500,00 SEK").And.Contain("FEE/PURCHASE_FEE_PERCENTAGE")
            .And.Contain("-74,75 SEK").And.Contain("-18,69 SEK")
            .And.Contain("Kontroll: märkningar + rader = 2 406,56 SEK, till banken 2 406,56 SEK, differens 0,00 SEK: stämmer.");
    }

    [Fact]
    public async Task Reconcile_AnUnbalancedPayout_ExitsSix_AndListsTheUnknownCapture()
    {
        string ledger = Ledger("unbalanced.db");
        var (path, id) = _sim.ReservedOrder("803", delivered: 1);
        (await Run("invoice", "--order", path, "--invoice-number", "8003", "--ledger", ledger)).ExitCode.Should().Be(0);
        await CaptureInThePortalAsync(id, 125_000, "PORTAL-1");
        var payout = _sim.Klarna.ClosePayoutPeriod(TimeProvider.System.GetUtcNow()).Single();

        var human = await Run("reconcile", "--payment-reference", payout.PaymentReference, "--ledger", ledger, "--lang", "en");
        var json = await Run("reconcile", "--payment-reference", payout.PaymentReference, "--ledger", ledger, "--json");

        human.ExitCode.Should().Be(6, human.Err);
        human.Out.Should().Contain("NOT BALANCED").And.Contain("difference 1,250.00 SEK").And.Contain("SALE 1,250.00 SEK PORTAL-1").And.Contain("UnknownCapture");
        json.ExitCode.Should().Be(6);
        using var doc = JsonDocument.Parse(json.Out);
        doc.RootElement.GetProperty("balanced").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("difference").GetProperty("minorUnits").GetInt64().Should().Be(125_000);
        doc.RootElement.GetProperty("unmatched")[0].GetProperty("reason").GetString().Should().Be("UnknownCapture");
    }

    [Fact]
    public async Task Reconcile_AnUnknownPaymentReference_IsKlarnasRefusal_ExitThree()
    {
        var run = await Run("reconcile", "--payment-reference", "NO-SUCH-REF", "--ledger", Ledger("unknown.db"));

        run.ExitCode.Should().Be(3, run.Err);
        run.Err.Should().Contain("NOT_FOUND");
    }

    [Theory]
    [InlineData("yesterday", "2026-12-01", "--from must be a date (YYYY-MM-DD) or an ISO 8601 date-time")]
    [InlineData("2026-12-02", "2026-12-01", "--to is before --from.")]
    public async Task Payouts_BadDates_AreInputErrors_ExitTwo(string from, string to, string message)
    {
        var run = await Run("payouts", "--from", from, "--to", to, "--ledger", Ledger("dates.db"));

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain(message);
    }

    [Fact]
    public async Task Recover_WhenRedirected_PrintsDoneOverTotalLines()
    {
        var ledger = new SharedLedgerFactory();
        var (path, id) = _sim.ReservedOrder("804");
        _sim.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("invoice", "--order", path, "--invoice-number", "8004"))).ExitCode.Should().Be(4);
        _sim.Klarna.ClearFaults();

        var run = await CliRunner.RunAsync(_sim.Environment, ledger, _sim.Common("recover", "--lang", "en"));

        run.ExitCode.Should().Be(0, run.Err);
        run.Err.Should().Contain("Settling 1 unsettled activations …").And.EndWith("[████████████████████] 1/1 settled" + Environment.NewLine);
        _sim.Klarna.AssertCapturedExactlyOnce(id, "8004");
    }

    [Fact]
    public async Task Recover_OnAPseudoTerminal_ShowsALiveDoneOverTotalBar()
    {
        string ledger = Ledger("recover-pty.db");
        var (path, id) = _sim.ReservedOrder("805");
        _sim.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        (await Run("invoice", "--order", path, "--invoice-number", "8005", "--ledger", ledger)).ExitCode.Should().Be(4);
        _sim.Klarna.ClearFaults();
        var environment = new Dictionary<string, string?> { ["KLARNA_USERNAME"] = SimulatorFixture.Username, ["KLARNA_PASSWORD"] = SimulatorFixture.Password };
        await using var terminal = PseudoTerminal.Start(environment, "recover", "--ledger", ledger, "--base-url", _sim.BaseUrl.ToString(), "--lang", "en");

        int exitCode = await terminal.WaitForExitAsync(TimeSpan.FromMinutes(2));

        exitCode.Should().Be(0, terminal.Screen);
        terminal.Screen.Should().Contain("━", "Spectre.Console's progress bar").And.Contain("1/1").And.Contain("Settling 1 unsettled activations");
        terminal.Screen.Should().NotContain("░", "the plain-line bar is for redirected output only");
        _sim.Klarna.AssertCapturedExactlyOnce(id, "8005");
    }

    // Swedish numbers group with a no-break space and sign with a minus sign (U+2212).
    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-');

    private string Ledger(string name) => Path.Combine(_sim.Folder, name);

    private Task<CliRun> Run(params string[] args) => CliRunner.RunAsync(_sim.Environment, null, _sim.Common(args));

    private async Task<SimulatedPayout> InvoiceAndPayOutAsync(string ledger, string orderNumber, string invoiceNumber)
    {
        var (path, _) = _sim.ReservedOrder(orderNumber);
        var invoice = await Run("invoice", "--order", path, "--invoice-number", invoiceNumber, "--ledger", ledger);
        invoice.ExitCode.Should().Be(0, invoice.Err);
        return _sim.Klarna.ClosePayoutPeriod(TimeProvider.System.GetUtcNow()).Should().ContainSingle().Subject;
    }

    private async Task CaptureInThePortalAsync(string klarnaOrderId, long amount, string reference)
    {
        using var client = new HttpClient { BaseAddress = _sim.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SimulatorFixture.Username + ":" + SimulatorFixture.Password)));
        using var response = await client.PostAsync($"ordermanagement/v1/orders/{klarnaOrderId}/captures", new StringContent($$"""{"captured_amount":{{amount}},"reference":"{{reference}}"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
