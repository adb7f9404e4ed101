using System.CommandLine;
using System.Reflection;
using Specter.Klarna.Invoicing.Cli.Commands;
using Specter.Klarna.Invoicing.Cli.Demo;
using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>The CLI's entry point, callable in-process: parses, runs one command, maps every failure to one line and an exit code.</summary>
internal static class CliApp
{
    /// <summary>Commands that write nothing at Klarna: a 409/5xx there means "Klarna unreachable, nothing written".</summary>
    private static readonly HashSet<string> ReadOnlyCommands = new(StringComparer.Ordinal) { "propose", "propose-credit", "status", "order", "payouts", "reconcile" };

    /// <summary>Runs with redirected streams and no stdin (in-process callers and tests).</summary>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Func<string, string?>? environment = null,
        ILedgerFactory? ledgerFactory = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliStreams(output, error, TextReader.Null, CliTerminal.Redirected), environment, ledgerFactory, cancellationToken);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        CliStreams streams,
        Func<string, string?>? environment = null,
        ILedgerFactory? ledgerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var (output, error, input, terminal) = streams;
        var context = new CliContext(output, error, environment ?? Environment.GetEnvironmentVariable, ledgerFactory ?? LedgerFactories.Default, terminal, input, cancellationToken);
        var root = CliCommandTree.Build();
        // Response files (@file) off: an argument is what it says. Ctrl+C stays with Program, which cancels our token.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        CliSettings? settings = null;
        try
        {
            // --help, --version and the [suggest] directive (shell completion) are the library's own actions.
            if (parsed.Action is not null && !ReferenceEquals(parsed.Action, parsed.CommandResult.Command.Action) && parsed.Errors.Count == 0)
            {
                return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            if (parsed.Errors.Count > 0)
            {
                throw new CliUsageException(ParseErrorMessages.Describe(parsed));
            }

            var command = new ParsedCommand(parsed);
            switch (command.Name)
            {
                case "help":
                    return await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
                case "version":
                    await output.WriteLineAsync(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").ConfigureAwait(false);
                    return ExitCodes.Ok;
                case "demo":
                    settings = new CliSettings { Swedish = CliSettings.ParseSwedish(command) };
                    return await DemoStory.RunAsync(settings, context).ConfigureAwait(false);
            }

            settings = CliSettings.From(command, context.Environment, context.Input);
            return command.Name switch
            {
                "propose" => await InvoiceCommands.ProposeAsync(command, settings, context).ConfigureAwait(false),
                "invoice" => await InvoiceCommands.InvoiceAsync(command, settings, context).ConfigureAwait(false),
                "status" => await InvoiceCommands.StatusAsync(command, settings, context).ConfigureAwait(false),
                "recover" => await InvoiceCommands.RecoverAsync(settings, context).ConfigureAwait(false),
                "propose-credit" => await CorrectionCommands.ProposeCreditAsync(command, settings, context).ConfigureAwait(false),
                "credit" => await CorrectionCommands.CreditAsync(command, settings, context).ConfigureAwait(false),
                "update-authorization" => await CorrectionCommands.UpdateAuthorizationAsync(command, settings, context).ConfigureAwait(false),
                "invoice-all" => await InvoiceAllCommand.RunAsync(command, settings, context).ConfigureAwait(false),
                "payouts" => await PayoutCommands.PayoutsAsync(command, settings, context).ConfigureAwait(false),
                "reconcile" => await PayoutCommands.ReconcileAsync(command, settings, context).ConfigureAwait(false),
                "simulator" => await SimulatorCommand.RunAsync(command, settings, context).ConfigureAwait(false),
                _ => await ReservationCommands.RunAsync(command, settings, context).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // invoice and invoice-all say themselves what a cancellation left behind (FailureTruth); here only reads are sure.
            bool readOnly = ReadOnlyCommands.Contains(parsed.CommandResult.Command.Name);
            await error.WriteLineAsync("klarna-invoicing: cancelled" + (readOnly ? "; nothing was written." : ".")).ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
        catch (Exception ex)
        {
            var (exitCode, kind, message, code) = ErrorMapper.Map(ex, settings, commandWrites: !ReadOnlyCommands.Contains(parsed.CommandResult.Command.Name));
            message = Harmless.Text(InvoicingSession.OneLine(message));
            if (settings?.Json == true)
            {
                await output.WriteLineAsync(JsonViews.Write(JsonViews.Error(exitCode, kind, message, code))).ConfigureAwait(false);
            }

            await error.WriteLineAsync("klarna-invoicing: " + message).ConfigureAwait(false);
            return exitCode;
        }
    }
}
