using System.Reflection;
using Specter.Klarna.Invoicing.Cli.Commands;
using Specter.Klarna.Invoicing.Cli.Demo;
using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>The CLI's entry point, callable in-process: parses, runs one command, maps every failure to one line and an exit code.</summary>
internal static class CliApp
{
    public const string Usage = """
        klarna-invoicing — invoice Klarna orders with Specter.Klarna.Invoicing

        Usage: klarna-invoicing <command> [options]

        Commands:
          demo                                  the story against an embedded Klarna simulator (default; --lang sv|en)
          propose --order FILE [--type delivery|final|prepayment] [--percent N]
          invoice --order FILE --invoice-number N [--type …] [--percent N] [--description TEXT]
          status --invoice-number N
          recover                               settle pending/unknown activations
          order --klarna-order-id ID            status, amounts, expiry and captures at Klarna
          release --klarna-order-id ID          release the remaining authorization
          extend --klarna-order-id ID           extend the authorization time
          invoice-all --orders DIR [--first-invoice-number N] [--type …] [--percent N]
          simulator [--orders DIR]              run the Klarna simulator on loopback until Ctrl+C (reserves the orders in DIR)
          help | version

        Common options:
          --ledger PATH                 ledger file (default ./klarna-invoicing.db)
          --environment playground|production   (default playground)
          --region eu|na|oc             (default eu)
          --base-url URL                override Klarna's address (https, or http on loopback)
          --merchant NAME               merchant profile name (default "default")
          --allow-prepayment-capture    allow prepayment captures for this merchant
          --json                        machine-readable output on stdout
          --lang sv|en                  language of the output (default sv)
          credentials: KLARNA_USERNAME and KLARNA_PASSWORD (or KLARNA_PASSWORD = API key); --username/--password exist but the environment is preferred

        Exit codes: 0 done · 1 unexpected / Klarna unreachable (nothing written) · 2 invalid input or refused by a rule (nothing written)
                    3 Klarna refused · 4 outcome unknown (run recover) · 5 invoice locked / activation in progress
        Reference: docs/cli.md
        """;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Func<string, string?>? environment = null,
        ILedgerFactory? ledgerFactory = null,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, environment ?? Environment.GetEnvironmentVariable, ledgerFactory ?? LedgerFactories.Default, cancellationToken);
        CliSettings? settings = null;
        try
        {
            var command = CommandLine.Parse(args);
            switch (command.Name)
            {
                case "help":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return ExitCodes.Ok;
                case "version":
                    await output.WriteLineAsync(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").ConfigureAwait(false);
                    return ExitCodes.Ok;
                case "demo":
                    settings = new CliSettings { Swedish = CliSettings.ParseSwedish(command) };
                    return await DemoStory.RunAsync(settings, context).ConfigureAwait(false);
            }

            settings = CliSettings.From(command, context.Environment);
            return command.Name switch
            {
                "propose" => await InvoiceCommands.ProposeAsync(command, settings, context).ConfigureAwait(false),
                "invoice" => await InvoiceCommands.InvoiceAsync(command, settings, context).ConfigureAwait(false),
                "status" => await InvoiceCommands.StatusAsync(command, settings, context).ConfigureAwait(false),
                "recover" => await InvoiceCommands.RecoverAsync(settings, context).ConfigureAwait(false),
                "invoice-all" => await InvoiceCommands.InvoiceAllAsync(command, settings, context).ConfigureAwait(false),
                "simulator" => await SimulatorCommand.RunAsync(command, settings, context).ConfigureAwait(false),
                _ => await ReservationCommands.RunAsync(command, settings, context).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("klarna-invoicing: cancelled.").ConfigureAwait(false);
            return ExitCodes.Unexpected;
        }
        catch (Exception ex)
        {
            var (exitCode, kind, message, code) = ErrorMapper.Map(ex, settings);
            message = InvoicingSession.OneLine(message);
            if (settings?.Json == true)
            {
                await output.WriteLineAsync(JsonViews.Write(JsonViews.Error(exitCode, kind, message, code))).ConfigureAwait(false);
            }

            await error.WriteLineAsync("klarna-invoicing: " + message).ConfigureAwait(false);
            return exitCode;
        }
    }
}
