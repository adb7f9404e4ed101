using BenchmarkDotNet.Attributes;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// The capture math for a delivery invoice of a fully delivered order of <see cref="Lines"/> lines.
/// </summary>
/// <remarks>
/// Baseline: <c>OrderPricing.Price</c>, the single place that turns the ERP's decimals into whole minor units (line
/// totals, discounts and VAT, with the whole-öre checks). Every plan starts with it and nothing can be planned without
/// it, so <c>Ratio</c> reads as "planning costs N times merely reading the order". <c>Plan + body</c> adds the mapping and
/// the UTF-8 JSON serialization of the capture body (what is hashed, stored and sent).
/// </remarks>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private static readonly InvoicePlanRequest Request = new() { InvoiceNumber = "10045" };
    private InvoicingOrder _order = null!;

    [Params(10, 1000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _order = BenchOrders.Delivered(Lines);

    [Benchmark(Baseline = true, Description = "OrderPricing.Price (decimals → minor units)")]
    public long PriceOnly() => OrderPricing.Price(_order).Lines.Count;

    [Benchmark(Description = "InvoicePlanner.Plan")]
    public InvoicePlan Plan() => InvoicePlanner.Plan(_order, [], Request).Plan!;

    [Benchmark(Description = "Plan + KlarnaRequestBodies.Capture")]
    public byte[] PlanAndSerialize()
    {
        var plan = InvoicePlanner.Plan(_order, [], Request).Plan!;
        return KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!));
    }
}
