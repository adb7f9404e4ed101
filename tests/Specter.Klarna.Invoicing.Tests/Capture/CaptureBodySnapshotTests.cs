using System.Runtime.CompilerServices;
using System.Text;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Tests.Snapshots;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Capture;

/// <summary>
/// The exact bytes sent to Klarna (and hashed into the ledger) for each worked example of docs/capture-math.md:
/// <c>KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture))</c>, compared as a verbatim string with the
/// committed <c>__snapshots__/*.snap</c>. Any change to a body, even property order or escaping, fails here.
/// </summary>
/// <remarks>To accept an intended change: delete the .snap file, run the tests locally (without <c>CI=true</c>), review the diff, commit.</remarks>
public sealed class CaptureBodySnapshotTests
{
    [Fact]
    public void Body_FullOrder()
    {
        var prior = new List<InvoicePlan>();
        MatchBody(PlanOk(Deliver(IssueExample(), ("1", 3)), prior));
    }

    [Fact]
    public void Body_PartialDelivery_TwoThenOne()
    {
        var order = IssueExample();
        var prior = new List<InvoicePlan>();
        var first = PlanOk(order, prior);
        var second = PlanOk(Deliver(order, ("1", 3)), prior);

        MatchBody(first, "1-of-2");
        MatchBody(second, "2-of-2");
    }

    [Fact]
    public void Body_PrepaymentThenFinal()
    {
        var order = Order(Line("A", OrderLineKind.Goods, 1, 1000.00m, 25), Line("B", OrderLineKind.Goods, 2, 150.00m, 12));
        var prior = new List<InvoicePlan>();
        var prepayment = PlanOk(order, prior, InvoiceType.Prepayment, 30);
        var final = PlanOk(order, prior);

        MatchBody(prepayment, "prepayment");
        MatchBody(final, "final");
    }

    [Fact]
    public void Body_MixedVatWithDiscountAndShipping()
    {
        var order = Order(
            Line("1", OrderLineKind.Goods, 2, 100.00m, 25, delivered: 2),
            Line("2", OrderLineKind.Goods, 1, 50.00m, 12),
            Line("3", OrderLineKind.Goods, 1, 30.00m, 6),
            Line("4", OrderLineKind.Shipping, 1, 49.00m, 25),
            Line("5", OrderLineKind.Discount, 1, -10.00m, 25));
        var prior = new List<InvoicePlan>();
        var first = PlanOk(order, prior);
        var final = PlanOk(order, prior, InvoiceType.Final);

        MatchBody(first, "delivery");
        MatchBody(final, "final");
    }

    [Fact]
    public void Body_PricesExcludingVat()
    {
        var order = Order(
            Line("1", OrderLineKind.Goods, 3, 80.00m, 25, delivered: 3),
            Line("2", OrderLineKind.Goods, 1, 99.99m, 12, delivered: 1),
            Line("3", OrderLineKind.Goods, 3, 33.33m, 25, delivered: 3)) with { PricesIncludeVat = false };

        MatchBody(PlanOk(order, []));
    }

    [Fact]
    public void Body_FractionalQuantity()
    {
        var order = Order(Line("1", OrderLineKind.Goods, 2.5m, 39.90m, 12, delivered: 2.5m, unit: "kg") with { Description = "Äpplen" });

        MatchBody(PlanOk(order, []));
    }

    [Fact]
    public void Body_MoreThanThousandLines_MergedPerVatRate()
    {
        var lines = Enumerable.Range(1, 1200).Select(i => Line($"a{i}", OrderLineKind.Goods, 1, 10.00m, 25, delivered: 1))
            .Concat(Enumerable.Range(1, 300).Select(i => Line($"b{i}", OrderLineKind.Goods, 1, 5.00m, 12, delivered: 1)));

        MatchBody(PlanOk(Order([.. lines]), []));
    }

    [Fact]
    public void Body_Jpy()
    {
        var order = Order(Line("1", OrderLineKind.Goods, 3, 1980m, 10, delivered: 2)) with { Currency = "JPY" };
        var prior = new List<InvoicePlan>();
        var first = PlanOk(order, prior);
        var final = PlanOk(order, prior, InvoiceType.Final);

        MatchBody(first, "delivery");
        MatchBody(final, "final");
    }

    private static void MatchBody(InvoicePlan plan, string? part = null, [CallerMemberName] string test = "")
    {
        var body = Encoding.UTF8.GetString(KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!)));
        CommittedSnapshot.Match(body, part, test: test);

        // Snapshooter compares a JSON string as parsed JSON, so "\u00C4" and "Ä" (or added whitespace) would still match.
        // The body is hashed and sent byte for byte, so also require the committed text verbatim.
        var file = CommittedSnapshot.PathOf(part, test: test);
        File.ReadAllText(file).TrimStart('\uFEFF').TrimEnd('\r', '\n').Should().Be(body, "the capture body is compared byte for byte with " + file);
    }
}
