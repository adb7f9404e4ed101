using System.Diagnostics;
using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// The exactly-once soak (docs/reliability.md, "Exactly-once soak"), the same for every ledger: orders run in waves of
/// <see cref="SoakSettings.OrdersPerWave"/> at once on three servers with faults; between waves, with nothing in flight,
/// the clock jumps (minutes, Klarna's 5-hour retry step, or past the 24-hour key window), every server recovers at once,
/// the wave's orders are finished without faults and checked; at the end, every capture at Klarna is in the ledger.
/// </summary>
internal static class SoakDriver
{
    private static readonly TimeSpan[] BarrierJumps = [TimeSpan.FromMinutes(10), ExactlyOnceLimits.RetrySchedule[^1] + TimeSpan.FromMinutes(1), ExactlyOnceLimits.KlarnaKeyWindow + TimeSpan.FromMinutes(5)];

    public static async Task RunAsync(SoakSettings settings, string ledgerName, Func<Task<IKlarnaInvoiceLedger>> createLedger, ITestOutputHelper output)
    {
        var random = new Random(settings.Seed);
        var shipping = random.Next(2) == 0 ? ShippingPolicy.FirstInvoice : ShippingPolicy.ProRata;
        var figures = new SoakFigures();
        var wall = Stopwatch.StartNew();
        await using var cluster = await SoakCluster.StartAsync(createLedger, shipping, settings.Speedup);
        var barrier = new List<string> { $"seed {settings.Seed}, shipping {shipping}" };
        var done = new List<SoakOrder>();
        string result = "FAILED";
        try
        {
            int next = settings.OnlyOrder ?? 0;
            while (done.Count < settings.Orders || figures.Get("attempts") < settings.MinAttempts)
            {
                int size = settings.OnlyOrder is null ? settings.OrdersPerWave : 1;
                var wave = Enumerable.Range(next, size).Select(i => new SoakOrder(cluster, figures, settings.Seed, i)).ToList();
                next += size;
                await RunWaveAsync(cluster, wave, settings, random, figures, barrier);
                done.AddRange(wave);
            }

            await AssertLedgerHoldsEveryCaptureAsync(cluster, done, figures);
            result = "PASSED";
        }
        catch (SoakOrderFailure failure)
        {
            throw new InvalidOperationException(Replay(settings, failure.Order) + $"\nBarriers:\n{string.Join("\n", barrier)}\nSteps of order {failure.Order.Index}:\n{failure.Order.Trace}", failure.InnerException);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Soak seed {settings.Seed} failed: {ex.Message}\nBarriers:\n{string.Join("\n", barrier)}", ex);
        }
        finally
        {
            if (settings.PrintTraces)
            {
                done.ForEach(o => output.WriteLine(o.Trace));
                output.WriteLine(string.Join("\n", barrier));
            }

            output.WriteLine(figures.Describe(settings, ledgerName, cluster, wall.Elapsed, result));
        }
    }

    private static async Task RunWaveAsync(SoakCluster cluster, List<SoakOrder> wave, SoakSettings settings, Random random, SoakFigures figures, List<string> barrier)
    {
        foreach (var order in wave)
        {
            order.Reserve();
        }

        await ForEachOrderAsync(wave, o => o.RunStepsAsync(settings.StepsPerOrder));

        // Barrier: nothing in flight. Clear this wave's simulator faults, jump, and let every server recover at once until settled.
        cluster.Klarna.ClearFaults();
        var jump = BarrierJumps[random.Next(BarrierJumps.Length)];
        for (int round = 0; ; round++)
        {
            await cluster.Gate.AdvanceAsync(jump);
            figures.Add("clock jumps");
            if (jump >= ExactlyOnceLimits.KlarnaKeyWindow)
            {
                figures.Add("key window crossings");
            }

            var reports = await Task.WhenAll(cluster.Servers.Select((server, i) => cluster.Gate.CallAsync(async () =>
            {
                var report = await server.RecoverAsync();
                figures.Recovered(i, report);
                return report;
            })));
            var open = (await cluster.Ledger.ListUnsettledAsync()).Invoices;
            barrier.Add($"wave from order {wave[0].Index}: jumped {jump}, recovered on {reports.Length} servers (settled {reports.Sum(r => r.Settled.Count)}, errors {string.Join("; ", reports.SelectMany(r => r.Errors).Select(e => $"{e.InvoiceNumber}: {e.Message}"))}), still open {open.Count}");
            if (open.Count == 0)
            {
                break;
            }

            if (round == 6)
            {
                throw new InvalidOperationException($"Recovery without faults left {open.Count} invoices open: {string.Join(", ", open.Select(i => $"{i.InvoiceNumber}={i.State}"))}.");
            }

            jump = BarrierJumps[Math.Min(round + 1, BarrierJumps.Length - 1)];
        }

        await ForEachOrderAsync(wave, o => o.FinishAsync());
        await ForEachOrderAsync(wave, o => o.AssertSettledAsync());
    }

    private static async Task ForEachOrderAsync(List<SoakOrder> wave, Func<SoakOrder, Task> action)
    {
        await Task.WhenAll(wave.Select(order => Task.Run(async () =>
        {
            try
            {
                await action(order);
            }
            catch (Exception ex)
            {
                throw new SoakOrderFailure(order, ex);
            }
        })));
    }

    /// <summary>Every 201 Klarna sent is in the ledger: each capture at the simulator is an Activated invoice with that capture id, no reference is captured twice, and each refund is exactly one refunded credit.</summary>
    private static async Task AssertLedgerHoldsEveryCaptureAsync(SoakCluster cluster, List<SoakOrder> orders, SoakFigures figures)
    {
        (await cluster.Ledger.ListUnsettledAsync()).Invoices.Should().BeEmpty("nothing is left Pending or Unknown");
        var captureIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var activated = (await cluster.Ledger.GetByOrderAsync(order.OrderNumber)).Where(i => i.DocumentKind == LedgerDocumentKind.Invoice && i.State == ActivationState.Activated).ToDictionary(i => i.CaptureId!, StringComparer.Ordinal);
            var snapshot = cluster.Klarna.GetOrder(order.KlarnaOrderId);
            foreach (var capture in snapshot.Captures)
            {
                activated.Should().ContainKey(capture.CaptureId, $"Klarna's capture {capture.CaptureId} ({capture.Reference}) of order {order.OrderNumber} is in the ledger");
                activated[capture.CaptureId].InvoiceNumber.Should().Be(capture.Reference);
                captureIds.Add(capture.CaptureId).Should().BeTrue("capture ids are unique");
            }

            snapshot.Captures.GroupBy(c => c.Reference).Should().OnlyContain(g => g.Count() == 1, "no reference is captured twice");
            var (refunded, failed) = await order.AssertCreditsSettledAsync();
            figures.Add("credits refunded", refunded);
            figures.Add("credits failed", failed);
            figures.Add("prepayment credits", (await cluster.Ledger.GetByOrderAsync(order.OrderNumber)).Count(r => r.DocumentKind == LedgerDocumentKind.Credit && r.State == ActivationState.Activated && r.Plan.Lines.Any(l => l.Kind == InvoicePlanLineKind.Prepayment)));
        }

        figures.Add("captures", captureIds.Count);
        figures.Add("capture requests", cluster.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture));
        figures.Add("refund requests", cluster.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateRefund));
        figures.Get("recovery errors").Should().Be(0, "recovery settles every invoice of the soak without errors other than the injected crash (the step traces name them)");
        cluster.Conflicts().Should().NotContainKey("made_twice", "Klarna never made two captures for one invoice, nor two refunds for one credit");
    }

    private static string Replay(SoakSettings settings, SoakOrder order) =>
        $"Soak seed {settings.Seed} failed at order {order.Index}. Shortest replay: {SoakSettings.SeedVariable}={settings.Seed} {SoakSettings.OrderVariable}={order.Index} "
        + $"(that order alone, on three servers); full replay: {SoakSettings.SeedVariable}={settings.Seed}{(settings.MinAttempts > 0 ? $" {SoakSettings.Variable}=long" : string.Empty)}.";

    private sealed class SoakOrderFailure(SoakOrder order, Exception inner) : Exception(inner.Message, inner)
    {
        public SoakOrder Order { get; } = order;
    }
}
