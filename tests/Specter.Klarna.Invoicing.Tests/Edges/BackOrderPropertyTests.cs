using CsCheck;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Edges;

/// <summary>
/// Seeded property (CsCheck prints the failing seed; replay it with <see cref="RunCaseAsync"/>): one Klarna reservation
/// invoiced from two ERP orders (an order and its back-order), in a random interleaving of deliveries and prepayments
/// (often 100 %). Closing one order never releases what the other needs, and in the end Klarna has captured both exactly.
/// </summary>
public sealed class BackOrderPropertyTests(ITestOutputHelper output)
{
    private static readonly decimal[] VatRates = [25m, 12m, 6m];

    [Fact]
    public async Task BackOrdersSharingOneKlarnaOrder_NeverLoseTheReservationTheOtherNeeds() =>
        await Gen.Int[1, int.MaxValue].SampleAsync(RunCaseAsync, writeLine: output.WriteLine, iter: 16, threads: 2);

    [Theory]
    [InlineData(1)]
    [InlineData(424242)]
    [InlineData(184656211)] // a prepayment asked for after the order was fully prepaid: refused as nothing to prepay, not as a fully captured reservation
    public Task Replay(int seed) => RunCaseAsync(seed);

    private static async Task RunCaseAsync(int seed)
    {
        var trace = new List<string>();
        try
        {
            await RunAsync(seed, trace);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Back-order case seed {seed} failed (replay it with Replay({seed})): {ex.Message}\n" + string.Join("\n", trace), ex);
        }
    }

    private static async Task RunAsync(int seed, List<string> trace)
    {
        var random = new Random(seed);
        await using var h = InvoicingHarness.Create();
        var lines = Enumerable.Range(1, random.Next(2, 6))
            .Select(i => Line("L" + i, OrderLineKind.Goods, random.Next(1, 4), random.Next(0, 200_000) / 100m, VatRates[random.Next(VatRates.Length)]))
            .ToList();
        int split = random.Next(1, lines.Count);
        var first = Order([.. lines.Take(split)]) with { OrderNumber = $"A{seed}" };
        var back = Order([.. lines.Skip(split)]) with { OrderNumber = $"B{seed}" };
        long total = InvoicingHarness.OrderTotal(first).MinorUnits + InvoicingHarness.OrderTotal(back).MinorUnits;
        first = h.Reserve(first, authorizedAmount: total);
        trace.Add($"reserved {total}: A {InvoicingHarness.OrderTotal(first).MinorUnits}, B {InvoicingHarness.OrderTotal(back).MinorUnits}");
        back = back with { KlarnaOrderId = first.KlarnaOrderId, Merchant = first.Merchant };

        var orders = new List<InvoicingOrder> { first, back };
        var closed = new bool[2];
        int number = 0;
        while (!closed[0] || !closed[1])
        {
            int which = closed[0] ? 1 : closed[1] ? 0 : random.Next(2);
            var order = orders[which];
            bool nothingDelivered = order.Lines.All(l => l.DeliveredQuantity == 0);
            CreateInvoiceRequest request;
            if (nothingDelivered && random.Next(3) == 0)
            {
                request = new CreateInvoiceRequest { InvoiceNumber = $"{seed}-{++number}", Type = InvoiceType.Prepayment, PrepaymentPercent = random.Next(2) == 0 ? 100 : random.Next(1, 100) };
            }
            else
            {
                var open = order.Lines.Where(l => l.DeliveredQuantity < l.Quantity).ToList();
                var line = open[random.Next(open.Count)];
                order = orders[which] = Deliver(order, (line.LineId, line.DeliveredQuantity + random.Next(1, (int)(line.Quantity - line.DeliveredQuantity) + 1)));
                request = new CreateInvoiceRequest { InvoiceNumber = $"{seed}-{++number}" };
            }

            trace.Add($"{order.OrderNumber} {request.InvoiceNumber} {request.Type} {request.PrepaymentPercent} delivered [{string.Join(", ", order.Lines.Select(l => $"{l.LineId} {l.DeliveredQuantity}/{l.Quantity} × {l.UnitPrice}"))}]; Klarna remaining {h.Klarna.GetOrder(first.KlarnaOrderId!).RemainingAuthorizedAmount}");
            InvoiceResult result;
            try
            {
                result = await h.Invoicing.CreateInvoiceAsync(order, request);
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule is KlarnaInvoicingRule.NothingToInvoice or KlarnaInvoicingRule.InvoiceTypeNotAllowed)
            {
                continue; // a prepayment of nothing (a zero-value order), or one the order's state does not allow
            }

            result.Status.State.Should().BeOneOf([ActivationState.Activated, ActivationState.NotKlarna], $"seed {seed}, invoice {request.InvoiceNumber}");
            result.RemainingAuthorizationReleased.Should().BeFalse($"seed {seed}: neither order alone accounts for Klarna's whole order amount");
            var klarna = h.Klarna.GetOrder(first.KlarnaOrderId!);
            if (result.Plan.CompletesOrder)
            {
                closed[which] = true;
                var stillReserved = result.Warnings.Where(w => w.Code == ProposalWarningCode.AuthorizationStillReserved).Select(w => ((Money)w.Arguments[0]!).MinorUnits).ToList();
                stillReserved.Should().Equal(klarna.RemainingAuthorizedAmount > 0 ? [klarna.RemainingAuthorizedAmount] : Array.Empty<long>(), $"seed {seed}");
            }
        }

        var end = h.Klarna.GetOrder(first.KlarnaOrderId!);
        end.CapturedAmount.Should().Be(total, $"seed {seed}: both orders are captured exactly");
        end.RemainingAuthorizedAmount.Should().Be(0);
        var invoices = (await h.Ledger.GetByOrderAsync(first.OrderNumber)).Concat(await h.Ledger.GetByOrderAsync(back.OrderNumber)).ToList();
        invoices.Where(i => i.State == ActivationState.Activated).Sum(i => i.Plan.Capture!.CapturedAmount.MinorUnits).Should().Be(total, $"seed {seed}");
        end.Captures.Count.Should().Be(invoices.Count(i => i.State == ActivationState.Activated), "every capture is one activated invoice");
    }
}
