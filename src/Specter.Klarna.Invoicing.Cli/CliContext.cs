using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Cli.Output;
using Specter.Klarna.Invoicing.Cli.Secrets;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>Where a run writes and what it reads from outside: injectable so tests run the CLI in-process.</summary>
internal sealed class CliContext(
    TextWriter output,
    TextWriter error,
    Func<string, string?> environment,
    ILedgerFactory ledgerFactory,
    CliTerminal terminal,
    TextReader input,
    CancellationToken cancellationToken)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<string, string?> Environment { get; } = environment;

    public ILedgerFactory LedgerFactory { get; } = ledgerFactory;

    public CliTerminal Terminal { get; } = terminal;

    public TextReader Input { get; } = input;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Renders tables for stdout: colors only when stdout is a terminal and NO_COLOR is not set.</summary>
    public TextRenderer Renderer { get; } = new(terminal.OutputIsTerminal, terminal.Width, environment);

    /// <summary>Writes either the human text or the JSON document, as the settings ask.</summary>
    public void Emit(CliSettings settings, Func<string> human, Func<JsonNode> json)
    {
        Out.Write(settings.Json ? JsonViews.Write(json()) + System.Environment.NewLine : human());
    }

    public Views Views(CliSettings settings) => new(settings, Renderer);

    /// <param name="settings">The settings.</param>
    /// <param name="readsLedgerOnly">The command only reads the ledger (status): Klarna is never called, so no credentials are needed.</param>
    /// <param name="paymentMarking">The command imports payouts: payment marking is wired beside the ledger.</param>
    public async Task<InvoicingSession> OpenSessionAsync(CliSettings settings, bool readsLedgerOnly = false, bool paymentMarking = false)
    {
        if (readsLedgerOnly && string.IsNullOrEmpty(settings.Password))
        {
            settings = settings with { Username = "ledger-only", Password = "ledger-only-no-klarna-calls" };
        }

        if (string.IsNullOrEmpty(settings.Password)
            && await PasswordSource.PromptAsync(Terminal, Error, Environment, settings.Swedish, CancellationToken).ConfigureAwait(false) is { Length: > 0 } prompted)
        {
            settings = settings with { Password = prompted };
        }

        settings.RequireCredentials();
        var session = await InvoicingSession.OpenAsync(settings, LedgerFactory, CancellationToken, paymentMarking: paymentMarking).ConfigureAwait(false);
        if (session.LedgerNotice is { } notice)
        {
            await Error.WriteLineAsync(notice).ConfigureAwait(false);
        }

        return session;
    }
}
