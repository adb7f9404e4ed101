using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// A quick look at one planning workload (<see cref="PlanningBenchmarks"/>'s) without BenchmarkDotNet: exact bytes per
/// plan (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), a rough time per plan (best of several rounds), and where
/// the bytes go by type (the runtime's allocation ticks, one per ~100 KB, so sampled). For finding what to fix;
/// BenchmarkDotNet's figures are the ones to quote.
/// </summary>
internal static class PlanningProfile
{
    public static void Run(int lines, int plans)
    {
        var (order, prepayment) = BenchOrders.WithPrepayment(lines);
        InvoicePlan[] prior = [prepayment];
        var request = new InvoicePlanRequest { InvoiceNumber = "10045" };
        for (int i = 0; i < 2000; i++)
        {
            _ = InvoicePlanner.Plan(order, prior, request);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = InvoicePlanner.Plan(order, prior, request);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        double best = double.MaxValue, bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < 7; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < plans; i++)
            {
                _ = InvoicePlanner.Plan(order, prior, request);
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / plans);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMicroseconds / plans);
        }

        // CPU time (all of the process's threads, so the GC's too) moves less than wall time on a loaded machine.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines} lines: {bytes} B per plan, best round {best:F2} µs wall, {bestCpu:F2} µs CPU per plan"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {InvoicePlanner.Plan(order, prior, request).Plan!.Capture!.Lines.Count} Klarna lines"));
        var priced = OrderPricing.Price(order);
        var earlier = EarlierInvoices.From(prior);
        var plan = InvoicePlanner.Plan(priced, earlier, request).Plan!;
        Phase("  price (validate + minor units)", plans, () => OrderPricing.Price(order));
        Phase("  earlier invoices", plans, () => EarlierInvoices.From(prior));
        Phase("  plan from priced (incl. capture)", plans, () => InvoicePlanner.Plan(priced, earlier, request));
        Phase("  capture builder", plans, () => KlarnaCaptureBuilder.Build(order, plan, request));
        Phase("  VAT totals", plans, () => VatTotals.Of(plan, plan.Capture));
        var listener = new Listener();
        long sampled = 0;
        while (sampled < 50_000_000)
        {
            long start = GC.GetAllocatedBytesForCurrentThread();
            _ = InvoicePlanner.Plan(order, prior, request);
            sampled += GC.GetAllocatedBytesForCurrentThread() - start;
        }

        listener.Dispose();
        Dictionary<string, long> byType;
        lock (listener.Bytes)
        {
            byType = new(listener.Bytes);
        }

        long ticks = byType.Values.Sum();
        foreach (var (type, amount) in byType.OrderByDescending(k => k.Value).Take(25))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{amount * bytes / Math.Max(1, ticks),8} B/plan  {type}"));
        }
    }

    private static void Phase(string name, int plans, Func<object?> step)
    {
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < plans; i++)
            {
                _ = step();
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / plans);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: best round {best:F2} µs"));
    }

    /// <summary>Sums the GC's allocation ticks by type name.</summary>
    private sealed class Listener : EventListener
    {
        public Dictionary<string, long> Bytes { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal))
            {
                return;
            }

            string type = (string)eventData.Payload![eventData.PayloadNames!.IndexOf("TypeName")]!;
            int amountAt = eventData.PayloadNames.IndexOf("AllocationAmount64");
            long amount = amountAt >= 0 ? Convert.ToInt64(eventData.Payload[amountAt], CultureInfo.InvariantCulture) : 100_000;
            lock (Bytes)
            {
                Bytes[type] = Bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
