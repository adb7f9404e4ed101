using System.Diagnostics.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Benchmarks.Loopback;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// Where one loopback invoice's allocation goes, by type: the runtime's allocation-tick events (one per ~100 KB
/// allocated, naming the type that crossed it) summed over <c>n</c> invoices. Sampled and process-wide (the in-process
/// simulator's server is included), so read it for the large items; BenchmarkDotNet's MemoryDiagnoser gives the totals.
/// </summary>
internal static class AllocationByType
{
    public static async Task RunAsync(int n)
    {
        await using var klarna = new LoopbackKlarna();
        await klarna.StartAsync();
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await using var services = BenchHost.Build(ledger, klarna.BaseAddress, primaryHandler: null);
        var invoicing = services.GetRequiredService<IKlarnaInvoicing>();
        klarna.EnsureFreshOrders(2 * n + 200);
        for (int i = 0; i < 100; i++) { var (o, num) = klarna.NextInvoice(); await invoicing.CreateInvoiceAsync(o, new CreateInvoiceRequest { InvoiceNumber = num }); await klarna.RawGetAndCaptureAsync(klarna.NextOrder()); }
        long a = GC.GetTotalAllocatedBytes(true);
        for (int i = 0; i < n; i++) await klarna.RawGetAndCaptureAsync(klarna.NextOrder());
        long b = GC.GetTotalAllocatedBytes(true);
        using var listener = new Listener();
        for (int i = 0; i < n; i++) { var (o, num) = klarna.NextInvoice(); await invoicing.CreateInvoiceAsync(o, new CreateInvoiceRequest { InvoiceNumber = num }); }
        long c = GC.GetTotalAllocatedBytes(true);
        Console.WriteLine($"raw {(b - a) / n} B/op, library {(c - b) / n} B/op, extra {((c - b) - (b - a)) / n} B/op");
        foreach (var kv in listener.Bytes.OrderByDescending(k => k.Value).Take(40))
            Console.WriteLine($"{kv.Value / n,8} B/op  {kv.Key}");
    }

    /// <summary>Sums the GC's allocation ticks by type name.</summary>
    private sealed class Listener : EventListener
    {
        public readonly Dictionary<string, long> Bytes = new();
        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal)) return;
            int ti = e.PayloadNames!.IndexOf("TypeName"); int ai = e.PayloadNames.IndexOf("AllocationAmount64");
            string t = (string)e.Payload![ti]!; long amt = ai >= 0 ? Convert.ToInt64(e.Payload[ai], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (Bytes) { Bytes[t] = Bytes.GetValueOrDefault(t) + amt; }
        }
    }
}
