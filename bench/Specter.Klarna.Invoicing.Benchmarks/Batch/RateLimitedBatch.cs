using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>
/// A batch bound by Klarna's rate limit: the simulator enforces <c>Rate</c> requests per second per merchant (a fixed
/// one-second window, answering 429 beyond it) and the library's limiter is set to the same rate. Measures the achieved
/// request rate over the batch and counts the 429s on the wire (a handler under the library's pipeline sees every attempt).
/// </summary>
internal static class RateLimitedBatch
{
    public static async Task<string> RunAsync(BatchSettings settings)
    {
        await using var simulator = new KlarnaSimulator(new KlarnaSimulatorOptions { RequestsPerSecondPerMerchant = settings.Rate })
            .AddMerchant(BatchOrders.Username, BatchOrders.Password);
        var baseAddress = await simulator.StartServerAsync().ConfigureAwait(false);
        using var orders = new BatchOrders(simulator, baseAddress, settings.InvoicesPerOrder);
        var wire = new WireCounter(new SocketsHttpHandler());
        await using var services = BenchHost.Build(new InMemoryKlarnaInvoiceLedger(), baseAddress, wire, settings.Rate);
        var invoicing = services.GetRequiredService<IKlarnaInvoicing>();
        var batch = orders.Seed(Math.Max(1, settings.RateInvoices / settings.InvoicesPerOrder));

        var watch = Stopwatch.StartNew();
        int activated = 0;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, cancellationToken) =>
        {
            for (int delivered = 1; delivered <= orders.InvoicesPerOrder; delivered++)
            {
                string number = order.OrderNumber + "-" + delivered.ToString(CultureInfo.InvariantCulture);
                var result = await invoicing.CreateInvoiceAsync(orders.Order(order.OrderNumber, order.KlarnaOrderId, delivered), new CreateInvoiceRequest { InvoiceNumber = number }, cancellationToken).ConfigureAwait(false);
                if (result.Status.State == ActivationState.Activated)
                {
                    Interlocked.Increment(ref activated);
                }
            }
        }).ConfigureAwait(false);
        double seconds = watch.Elapsed.TotalSeconds;

        double achieved = wire.Requests / seconds;
        string row = string.Create(
            CultureInfo.InvariantCulture,
            $"| {settings.Rate} /s | {batch.Count * orders.InvoicesPerOrder} invoices, concurrency 8, in-memory ledger | {wire.Requests} in {seconds:0.0} s | **{achieved:0.0} /s** ({achieved / settings.Rate:0.000} of the limit) | **{wire.TooManyRequests}** | {activated} |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>Counts every request that reaches the socket, and the 429 answers.</summary>
    private sealed class WireCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _requests;
        private int _tooMany;

        public int Requests => Volatile.Read(ref _requests);

        public int TooManyRequests => Volatile.Read(ref _tooMany);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooMany);
            }

            return response;
        }
    }
}
