using BenchmarkDotNet.Attributes;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// The capture math for the delivery invoice of a fully delivered order of <see cref="Lines"/> lines (25/12/6 % VAT,
/// line discounts, shipping) after a 30 % prepayment, which the invoice nets off per VAT rate.
/// </summary>
/// <remarks>
/// Baseline: <c>OrderPricing.Price</c>, the single place that turns the ERP's decimals into whole minor units (line
/// totals, discounts and VAT, with the validation and whole-öre checks). Every plan starts with it and nothing can be
/// planned without it, so <c>Ratio</c> reads as "planning costs N times merely reading the order". <c>Plan + body</c>
/// adds the mapping and the UTF-8 JSON serialization of the capture body (what is hashed, stored and sent).
/// The targets (issue #17) are absolute: 1000 lines ≤ 100 µs and ≤ 200 KB, 10 lines ≤ 3 µs, linear in the lines.
/// </remarks>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private static readonly InvoicePlanRequest Request = new() { InvoiceNumber = "10045" };
    private InvoicingOrder _order = null!;
    private InvoicePlan[] _prior = [];

    [Params(1, 10, 100, 1000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_order, var prepayment) = BenchOrders.WithPrepayment(Lines);
        _prior = [prepayment];
        var plan = Plan();
        if (plan.Type != InvoiceType.Delivery || !plan.Lines.Any(l => l.Kind == InvoicePlanLineKind.PrepaymentNetting))
        {
            throw new InvalidOperationException("The benchmark invoice must be a delivery invoice that nets a prepayment off.");
        }
    }

    [Benchmark(Baseline = true, Description = "OrderPricing.Price (decimals → minor units)")]
    public long PriceOnly() => OrderPricing.Price(_order).Lines.Count;

    [Benchmark(Description = "InvoicePlanner.Plan")]
    public InvoicePlan Plan() => InvoicePlanner.Plan(_order, _prior, Request).Plan!;

    [Benchmark(Description = "Plan + KlarnaRequestBodies.Capture")]
    public byte[] PlanAndSerialize()
    {
        var plan = InvoicePlanner.Plan(_order, _prior, Request).Plan!;
        return KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!));
    }
}
