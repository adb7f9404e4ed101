using CsCheck;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>
/// Random orders, invoices and credits (whole, returns of random lines and quantities, price reductions at random rates),
/// with a lost answer or a 5xx on some refunds and recovery after each: refunded per capture ≤ captured, the order's
/// refunded amount = Σ refunded credit invoices, and Σ captured − Σ refunded = the ERP's invoices less its credits.
/// </summary>
/// <remarks>CsCheck draws one seed per case and a seeded <see cref="Random"/> drives the case; a failure prints the seed.
/// Replay it with <see cref="RunCaseAsync"/>.</remarks>
public sealed class CreditPropertyTests(ITestOutputHelper output)
{
    private static readonly decimal[] VatRates = [25m, 12m, 6m];

    [Fact]
    public async Task RandomCreditsWithFaults_KlarnaRefundsExactlyTheRefundedCredits()
    {
        await Gen.Int[1, int.MaxValue].SampleAsync(RunCaseAsync, writeLine: output.WriteLine, iter: 24, threads: 4, print: seed => $"case seed {seed} (replay: CreditPropertyTests.RunCaseAsync({seed}))");
    }

    private static async Task RunCaseAsync(int seed)
    {
        var random = new Random(seed);
        await using var h = InvoicingHarness.Create();
        var lines = Enumerable.Range(1, random.Next(1, 4)).Select(i => new InvoicingOrderLine
        {
            LineId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ArticleNumber = "ART-" + i,
            Description = "Vara " + i,
            Quantity = random.Next(1, 6),
            UnitPrice = random.Next(100, 200_000) / 100m,
            VatRate = VatRates[random.Next(VatRates.Length)],
            DiscountPercent = random.Next(3) == 0 ? random.Next(1, 30) : 0,
        }).ToList();
        var order = h.Reserve(new InvoicingOrder { OrderNumber = "R-" + seed, Currency = "SEK", PricesIncludeVat = true, Lines = lines });

        // Deliver in up to three steps, invoicing each.
        int invoiceNo = 0;
        var delivered = order;
        for (int step = 0; step < 3; step++)
        {
            delivered = delivered with { Lines = [.. delivered.Lines.Select(l => l with { DeliveredQuantity = step == 2 ? l.Quantity : Math.Min(l.Quantity, l.DeliveredQuantity + random.Next(0, 3)) })] };
            try
            {
                await h.Invoicing.CreateInvoiceAsync(delivered, new CreateInvoiceRequest { InvoiceNumber = $"F-{seed}-{++invoiceNo}" });
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule == KlarnaInvoicingRule.NothingToInvoice)
            {
            }
        }

        int creditNo = 0;
        for (int i = 0; i < 5; i++)
        {
            var invoices = (await h.Ledger.GetByOrderAsync(order.OrderNumber)).Where(r => r.DocumentKind == LedgerDocumentKind.Invoice && r.State == ActivationState.Activated).ToList();
            var invoice = invoices[random.Next(invoices.Count)];
            var request = RandomCredit(random, invoice, $"K-{seed}-{++creditNo}");
            switch (random.Next(4))
            {
                case 0:
                    h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateRefund).Always());
                    break;
                case 1:
                    h.Klarna.InjectFault(SimulatedFault.ServerErrorAfterApplying().OnOperation(SimulatedOperation.CreateRefund).Always());
                    break;
            }

            try
            {
                await h.Invoicing.CreateCreditAsync(request);
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule is KlarnaInvoicingRule.CreditExceedsInvoice or KlarnaInvoicingRule.NothingToCredit or KlarnaInvoicingRule.InvalidCredit)
            {
                (await h.Ledger.FindAsync(request.CreditNumber)).Should().BeNull("a refused credit records nothing");
            }

            h.Klarna.ClearFaults();
            (await h.RecoverLaterAsync()).StillUnsettled.Should().Be(0);
            await AssertInvariantsAsync(h, order);
        }
    }

    private static CreateCreditRequest RandomCredit(Random random, LedgerInvoice invoice, string number)
    {
        var goods = invoice.Plan.Lines.Where(l => l.Kind == InvoicePlanLineKind.OrderLine && l.Quantity > 0).ToList();
        return random.Next(3) switch
        {
            0 => new CreateCreditRequest { InvoiceNumber = invoice.InvoiceNumber, CreditNumber = number },
            1 when goods.Count > 0 => new CreateCreditRequest
            {
                InvoiceNumber = invoice.InvoiceNumber,
                CreditNumber = number,
                Lines = [.. goods.Take(random.Next(1, goods.Count + 1)).Select(l => new CreditLineRequest(l.OrderLineId!, random.Next(1, (int)l.Quantity + 1)))],
            },
            _ => new CreateCreditRequest
            {
                InvoiceNumber = invoice.InvoiceNumber,
                CreditNumber = number,
                Amounts = [new CreditAmountRequest(invoice.Plan.Lines[0].VatRate, new Money(random.Next(1, (int)Math.Max(2, invoice.Plan.Lines[0].Amount.MinorUnits / 2)), Currency.SEK))],
            },
        };
    }

    private static async Task AssertInvariantsAsync(InvoicingHarness h, InvoicingOrder order)
    {
        await h.AssertKlarnaMatchesLedgerAsync(order);
        var rows = await h.Ledger.GetByOrderAsync(order.OrderNumber);
        foreach (var invoice in rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice))
        {
            long credited = rows.Where(r => r.CreditedInvoiceNumber == invoice.InvoiceNumber && r.State == ActivationState.Activated).Sum(r => r.Plan.Total.MinorUnits);
            credited.Should().BeLessThanOrEqualTo(invoice.Plan.Total.MinorUnits, $"credits of {invoice.InvoiceNumber} never exceed it");
        }

        var snapshot = h.Klarna.GetOrder(order.KlarnaOrderId!);
        long invoiced = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice && r.State == ActivationState.Activated).Sum(r => r.Plan.Total.MinorUnits);
        long creditedTotal = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Credit && r.State == ActivationState.Activated).Sum(r => r.Plan.Total.MinorUnits);
        (snapshot.CapturedAmount - snapshot.RefundedAmount).Should().Be(invoiced - creditedTotal, "captured less refunded is what the ERP's invoices and credits add up to");
    }
}
