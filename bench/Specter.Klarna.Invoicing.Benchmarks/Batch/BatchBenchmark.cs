using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Benchmarks.Loopback;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>
/// Batch throughput: invoices over orders at each concurrency, library against its floor (raw HTTP + the same number of
/// durable commits of the same size on the same database), in the same run, on SQLite and — when
/// <c>SPECTER_KLARNA_POSTGRES</c> holds a connection string — PostgreSQL. Rate limiter lifted (BenchHost).
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet class: one operation is a whole batch of thousands of invoices, so the figure is a throughput
/// (invoices per second over the batch's wall time), measured floor, library, library, floor so drift hits both alike.
/// </remarks>
internal static class BatchBenchmark
{
    public static async Task<List<string>> RunAsync(BatchSettings settings)
    {
        var rows = new List<string>();
        await RunStoreAsync(new SqliteBatchStore(), settings, rows).ConfigureAwait(false);
        if (Environment.GetEnvironmentVariable("SPECTER_KLARNA_POSTGRES") is { Length: > 0 } postgres)
        {
            await RunStoreAsync(new PostgreSqlBatchStore(postgres), settings, rows).ConfigureAwait(false);
        }
        else
        {
            Console.WriteLine("// PostgreSQL batch skipped: SPECTER_KLARNA_POSTGRES is not set");
        }

        return rows;
    }

    private static async Task RunStoreAsync(IBatchStore store, BatchSettings settings, List<string> rows)
    {
        await using var storeScope = store.ConfigureAwait(false);
        await using var simulator = new KlarnaSimulator().AddMerchant(BatchOrders.Username, BatchOrders.Password);
        var baseAddress = await simulator.StartServerAsync().ConfigureAwait(false);
        using var orders = new BatchOrders(simulator, baseAddress, settings.InvoicesPerOrder);
        await store.InitializeAsync().ConfigureAwait(false);

        // Count the durable writes of one invoice and size the floor's row after the ledger's.
        var counting = new CountingLedger(store.Ledger);
        var (sampleOrder, sampleKlarna) = orders.Seed(1)[0];
        await using (var counted = BenchHost.Build(counting, baseAddress, primaryHandler: null))
        {
            await InvoiceAsync(counted.GetRequiredService<IKlarnaInvoicing>(), orders, sampleOrder, sampleKlarna, 1).ConfigureAwait(false);
        }

        int commits = counting.Writes;
        await store.SizeFloorRowAsync(sampleOrder + "-1").ConfigureAwait(false);
        Console.WriteLine($"// {store.Name} batch: {commits} durable commits per invoice; {store.Durability}");

        await using var services = BenchHost.Build(store.Ledger, baseAddress, primaryHandler: null);
        var invoicing = services.GetRequiredService<IKlarnaInvoicing>();
        var warmUp = Math.Max(1, Math.Min(settings.Orders, 16));
        await LibraryAsync(invoicing, orders, orders.Seed(warmUp), 8).ConfigureAwait(false);
        await FloorAsync(store, orders, orders.Seed(warmUp), 8, commits).ConfigureAwait(false);

        foreach (int concurrency in settings.Concurrency)
        {
            var floor = new List<double>();
            var library = new List<double>();
            floor.Add(await FloorAsync(store, orders, orders.Seed(settings.Orders), concurrency, commits).ConfigureAwait(false));
            library.Add(await LibraryAsync(invoicing, orders, orders.Seed(settings.Orders), concurrency).ConfigureAwait(false));
            library.Add(await LibraryAsync(invoicing, orders, orders.Seed(settings.Orders), concurrency).ConfigureAwait(false));
            floor.Add(await FloorAsync(store, orders, orders.Seed(settings.Orders), concurrency, commits).ConfigureAwait(false));
            double libraryRate = settings.Invoices / library.Average();
            double floorRate = settings.Invoices / floor.Average();
            string row = string.Create(
                CultureInfo.InvariantCulture,
                $"| {store.Name} | {concurrency} | {settings.Invoices} over {settings.Orders} | {libraryRate:0} /s | {floorRate:0} /s | **{libraryRate / floorRate:0.00}** | {commits} |");
            Console.WriteLine(row);
            rows.Add(row);
        }
    }

    /// <summary>Every order's invoices in order (one Klarna order never has two captures in flight), <paramref name="concurrency"/> orders at a time; returns seconds.</summary>
    private static async Task<double> LibraryAsync(IKlarnaInvoicing invoicing, BatchOrders orders, List<(string OrderNumber, string KlarnaOrderId)> batch, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (order, _) =>
        {
            for (int delivered = 1; delivered <= orders.InvoicesPerOrder; delivered++)
            {
                await InvoiceAsync(invoicing, orders, order.OrderNumber, order.KlarnaOrderId, delivered).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The floor of the same batch: per invoice, one commit (the intent), the raw GET + POST, the remaining commits (the outcome).</summary>
    private static async Task<double> FloorAsync(IBatchStore store, BatchOrders orders, List<(string OrderNumber, string KlarnaOrderId)> batch, int concurrency, int commits)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (order, _) =>
        {
            for (int delivered = 1; delivered <= orders.InvoicesPerOrder; delivered++)
            {
                await store.CommitFloorAsync().ConfigureAwait(false);
                await orders.RawGetAndCaptureAsync(order.KlarnaOrderId).ConfigureAwait(false);
                for (int i = 1; i < commits; i++)
                {
                    await store.CommitFloorAsync().ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task InvoiceAsync(IKlarnaInvoicing invoicing, BatchOrders orders, string orderNumber, string klarnaOrderId, int delivered)
    {
        string invoiceNumber = orderNumber + "-" + delivered.ToString(CultureInfo.InvariantCulture);
        var result = await invoicing.CreateInvoiceAsync(orders.Order(orderNumber, klarnaOrderId, delivered), new CreateInvoiceRequest { InvoiceNumber = invoiceNumber }).ConfigureAwait(false);
        if (result.Status.State != ActivationState.Activated)
        {
            throw new InvalidOperationException($"Invoice {invoiceNumber} ended {result.Status.State}: {result.Status.GetTooltip()}");
        }
    }
}
