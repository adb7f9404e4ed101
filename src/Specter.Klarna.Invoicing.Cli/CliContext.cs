using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>Where a run writes and what it reads from outside: injectable so tests run the CLI in-process.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?> environment, ILedgerFactory ledgerFactory, CancellationToken cancellationToken)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<string, string?> Environment { get; } = environment;

    public ILedgerFactory LedgerFactory { get; } = ledgerFactory;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Writes either the human text or the JSON document, as the settings ask.</summary>
    public void Emit(CliSettings settings, Func<string> human, Func<JsonNode> json)
    {
        Out.Write(settings.Json ? JsonViews.Write(json()) + System.Environment.NewLine : human());
    }

    /// <param name="settings">The settings.</param>
    /// <param name="readsLedgerOnly">The command only reads the ledger (status): Klarna is never called, so no credentials are needed.</param>
    public Task<InvoicingSession> OpenSessionAsync(CliSettings settings, bool readsLedgerOnly = false)
    {
        if (readsLedgerOnly && string.IsNullOrEmpty(settings.Password))
        {
            settings = settings with { Username = "ledger-only", Password = "ledger-only-no-klarna-calls" };
        }

        settings.RequireCredentials();
        return OpenAsync();

        async Task<InvoicingSession> OpenAsync()
        {
            var session = await InvoicingSession.OpenAsync(settings, LedgerFactory, CancellationToken).ConfigureAwait(false);
            if (session.LedgerNotice is { } notice)
            {
                await Error.WriteLineAsync(notice).ConfigureAwait(false);
            }

            return session;
        }
    }
}
