namespace Specter.Klarna.Invoicing.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_InSwedish_WalksTheWholeStory_AndExitsZero()
    {
        var run = await CliRunner.RunAsync("demo");

        run.ExitCode.Should().Be(0, run.Err);
        run.Err.Should().BeEmpty();
        run.Out.Should().Contain("Hel faktura")
            .And.Contain("Leveransfaktura 5001")
            .And.Contain("Fakturan är aktiverad hos Klarna")
            .And.Contain("Förskottsfaktura 5004")
            .And.Contain("Slutfaktura 5005")
            .And.Contain("Klarna nekade aktiveringen: CAPTURE_NOT_ALLOWED")
            .And.Contain("Aktiveringens utfall är ännu okänt")
            .And.Contain("Avstämning: 1 undersökta, 1 avgjorda, 0 fortfarande oavgjorda.")
            .And.Contain("InvoiceLocked")
            .And.Contain("Kreditfakturan är återbetald hos Klarna")
            .And.Contain(" genom 9001.")
            .And.Contain("Klarna betalar ut: fakturorna märks betalda")
            .And.Contain("5001: Betald av Klarna")
            .And.Contain("differens 0,00 SEK: stämmer.")
            .And.Contain("Demon är klar");
    }

    [Fact]
    public async Task NoArguments_RunsTheDemo()
    {
        var run = await CliRunner.RunAsync();

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Contain("Demon är klar");
    }

    [Fact]
    public async Task Demo_InEnglish()
    {
        var run = await CliRunner.RunAsync("demo", "--lang", "en");

        run.ExitCode.Should().Be(0, run.Err);
        run.Out.Should().Contain("Delivery invoice 5001")
            .And.Contain("The invoice is activated at Klarna")
            .And.Contain("Prepayment invoice 5004")
            .And.Contain("CAPTURE_NOT_ALLOWED")
            .And.Contain("Recovery: 1 examined, 1 settled, 0 still unsettled.")
            .And.Contain("5001: Paid by Klarna")
            .And.Contain("Demo finished");
    }
}
