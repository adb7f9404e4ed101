using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Cli.Output;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Out, string Err);

/// <summary>Runs the CLI's entry point in-process with captured output and a fake environment.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(IDictionary<string, string>? environment, ILedgerFactory? ledger, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, ledger);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, null, args);

    /// <summary>Runs with a given stdin and terminal abilities (what Program reads from the real console).</summary>
    public static async Task<CliRun> RunAsync(
        IDictionary<string, string>? environment, ILedgerFactory? ledger, string stdin, CliTerminal terminal, string[] args, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        int code = await CliApp.RunAsync(
            args,
            new CliStreams(output, error, input, terminal),
            name => environment is not null && environment.TryGetValue(name, out var v) ? v : null,
            ledger,
            cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>One ledger shared by several runs, as the SQLite file will be.</summary>
internal sealed class SharedLedgerFactory : ILedgerFactory
{
    public InMemoryKlarnaInvoiceLedger Ledger { get; } = new();

    public Guid Namespace { get; } = Guid.NewGuid();

    public Task<CliLedger> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        Task.FromResult(new CliLedger(Ledger, Namespace, null));
}
