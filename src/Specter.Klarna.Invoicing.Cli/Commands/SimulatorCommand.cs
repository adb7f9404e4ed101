using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>
/// <c>simulator</c>: runs the Klarna Order Management simulator on loopback until Ctrl+C, optionally reserving the orders
/// of a folder, so the other commands (or an ERP under test, or another process) can be pointed at it with <c>--base-url</c>.
/// </summary>
internal static class SimulatorCommand
{
    private const string DefaultUsername = "simulator";
    private const string DefaultPassword = "simulator-secret";

    public static async Task<int> RunAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var orders = ReadOrders(command.Get("--orders"), settings.Merchant);
        string username = settings.Username ?? DefaultUsername;
        var klarna = new KlarnaSimulator().AddMerchant(username, settings.Password ?? DefaultPassword);
        await using (klarna.ConfigureAwait(false))
        {
            Uri baseUrl = await klarna.StartServerAsync(context.CancellationToken).ConfigureAwait(false);
            var output = context.Out;
            await output.WriteLineAsync(settings.T($"Klarna-simulator: {baseUrl}", $"Klarna simulator: {baseUrl}")).ConfigureAwait(false);
            await output.WriteLineAsync(settings.Password is null
                ? $"  KLARNA_USERNAME={DefaultUsername} KLARNA_PASSWORD={DefaultPassword}"
                : settings.T($"  användare {username} (lösenordet du angav)", $"  user {username} (the password you gave)")).ConfigureAwait(false);

            foreach (var order in orders)
            {
                var total = await OrderTotalAsync(order, context.CancellationToken).ConfigureAwait(false);
                string id = klarna.SeedOrder(new SimulatedOrder
                {
                    OrderId = order.KlarnaOrderId,
                    Currency = order.Currency.ToUpperInvariant(),
                    OrderAmount = total.MinorUnits,
                    OrderLines = [new SimulatedOrderLine { Name = "Order " + order.OrderNumber, Reference = order.OrderNumber, Quantity = 1, UnitPrice = total.MinorUnits, TaxRate = 0 }],
                    MerchantReference1 = order.OrderNumber,
                });
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {order.OrderNumber}: {id} {total.ToMajorUnits().ToString("F" + total.Currency.MinorUnitDigits, CultureInfo.InvariantCulture)} {total.Currency}")).ConfigureAwait(false);
            }

            await output.WriteLineAsync(settings.T("Stoppa med Ctrl+C.", "Stop with Ctrl+C.")).ConfigureAwait(false);
            await output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how the simulator is meant to stop.
            }

            return ExitCodes.Ok;
        }
    }

    private static List<InvoicingOrder> ReadOrders(string? directory, string merchant)
    {
        if (directory is null)
        {
            return [];
        }

        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"orders folder not found: {directory}");
        }

        return Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(f => InvoicingSession.ReadOrder(f, merchant)).ToList();
    }

    /// <summary>The order total as the library computes it: a final-invoice proposal for the undelivered order without a reservation.</summary>
    private static async Task<Money> OrderTotalAsync(InvoicingOrder order, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            o.Merchants[order.Merchant ?? CliSettings.DefaultMerchant] = new KlarnaMerchantOptions { Username = "unused", Password = "unused" };
        }).UseInMemoryLedger();
        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            var undelivered = order with { KlarnaOrderId = null, Lines = order.Lines.Select(l => l with { DeliveredQuantity = 0 }).ToList() };
            var proposal = await provider.GetRequiredService<IKlarnaInvoicing>()
                .ProposeAsync(undelivered, new InvoiceProposalRequest { Type = InvoiceType.Final }, cancellationToken).ConfigureAwait(false);
            return proposal.Plan?.Total ?? throw new CliUsageException($"order {order.OrderNumber} has nothing to invoice, so there is nothing to reserve.");
        }
    }
}
