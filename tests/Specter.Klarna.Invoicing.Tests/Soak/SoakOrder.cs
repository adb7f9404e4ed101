using System.Globalization;
using System.Text;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.Internal;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// One order's life in the soak, driven by its own seeded <see cref="Random"/> (from the run's seed and the order's index,
/// so an order replays alone): random deliveries, prepayments and final invoices, called on random servers, sometimes the
/// same invoice on two or three servers at once, with faults armed for this order only; then finished without faults.
/// </summary>
internal sealed partial class SoakOrder(SoakCluster cluster, SoakFigures figures, int seed, int index)
{
    private static readonly HashSet<KlarnaInvoicingRule> LegalRefusals =
    [
        KlarnaInvoicingRule.ActivationInProgress,
        KlarnaInvoicingRule.PrepaymentNotSettled,
        KlarnaInvoicingRule.NothingToInvoice,
        KlarnaInvoicingRule.InvoiceLocked,
        KlarnaInvoicingRule.ReservationNotCapturable,
        KlarnaInvoicingRule.InvoiceTypeNotAllowed,
        KlarnaInvoicingRule.InvalidInvoiceNumber,
    ];

    private readonly Random _random = new(OrderSeed(seed, index));
    private readonly StringBuilder _trace = new();
    private InvoicingOrder _order = null!;
    private long _orderTotal;
    private long _authorized;
    private int _invoiceCounter;
    private int _slowFaultsLeft;
    private bool _anyDelivered;
    private bool _lastStepPrepaid;

    public int Index => index;

    public string Trace
    {
        get
        {
            lock (_trace)
            {
                return _trace.ToString();
            }
        }
    }

    public string OrderNumber => _order.OrderNumber;

    public string KlarnaOrderId => _order.KlarnaOrderId!;

    public long OrderTotal => _orderTotal;

    public long Authorized => _authorized;

    private SoakFaults.Armed Armed => cluster.Faults.For(KlarnaOrderId);

    /// <summary>The order's own seed: a replay of one order needs only the run's seed and the order's index.</summary>
    public static int OrderSeed(int runSeed, int orderIndex) => unchecked((runSeed * 1_000_003) + orderIndex) & int.MaxValue;

    public void Reserve()
    {
        var order = KlarnaInvoicingServiceRandomizedTests.RandomOrder(_random, OrderSeed(seed, index));
        order = order with { OrderNumber = string.Create(CultureInfo.InvariantCulture, $"SK{seed}-{index}") };
        _orderTotal = InvoicingHarness.OrderTotal(order).MinorUnits;
        _authorized = _random.Next(4) == 0 ? _orderTotal + _random.NextInt64(1, (_orderTotal / 2) + 2) : _orderTotal;
        _order = cluster.Reserve(order, _authorized);
        _slowFaultsLeft = _random.Next(0, 4);
        figures.Add("orders");
        Log($"order {index} {_order.OrderNumber} (Klarna {KlarnaOrderId}): {_order.Lines.Count} lines, total {_orderTotal}, authorized {_authorized}, prices incl. VAT {_order.PricesIncludeVat}");
        foreach (var l in _order.Lines)
        {
            Log($"  line {l.LineId} {l.Kind} qty {l.Quantity} à {l.UnitPrice} VAT {l.VatRate} disc {l.DiscountPercent}");
        }
    }

    /// <summary>The random part: up to the step budget, or until nothing is left to invoice.</summary>
    public async Task RunStepsAsync(int steps)
    {
        for (int step = 0; step < steps && await HasSomethingToInvoiceAsync(); step++)
        {
            await StepAsync(step);
            await CheckRunningInvariantsAsync();
        }
    }

    /// <summary>Without faults (recovery has settled everything): retries or abandons failed invoices and invoices the rest; every call must now activate.</summary>
    public async Task FinishAsync()
    {
        Log("finish:");
        for (int round = 0; round < 10; round++)
        {
            await RetryOrAbandonFailedAsync(mustActivate: true);
            if (!await HasSomethingToInvoiceAsync())
            {
                return;
            }

            Deliver(all: true);
            string number = NextInvoiceNumber();
            var server = RandomServer();
            InvoiceResult result;
            try
            {
                result = await CallAsync(server, s => s.CreateInvoiceAsync(_order, new CreateInvoiceRequest { InvoiceNumber = number }), "create");
            }
            catch (KlarnaInvoicingRuleException ex) when (SpentByCreditedPrepayment(ex))
            {
                Log($"  {number} on server {server}: refused {ex.Rule} (a credited prepayment spent the authorization)");
                (await MakeRoomAsync(server)).Should().BeTrue("without faults, Klarna lets an invoice order's authorization grow");
                continue;
            }

            Log($"  {number} on server {server}: {result.Status.State} {result.Plan.Type} {result.Plan.Capture?.CapturedAmount.MinorUnits}");
            CheckResult(result);
            result.Status.State.Should().Be(ActivationState.Activated, "an invoice without faults activates");
        }

        throw new InvalidOperationException("The order was not fully invoiced after 10 rounds without faults.");
    }

    /// <summary>The end state of this order: every invoice settled, Klarna = Σ activated = the order total, each reference once; the credits likewise (<see cref="AssertCreditsSettledAsync"/>).</summary>
    public async Task AssertSettledAsync()
    {
        var rows = await cluster.Ledger.GetByOrderAsync(_order.OrderNumber);
        var invoices = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice).ToList();
        invoices.Should().OnlyContain(i => i.State == ActivationState.Activated || i.State == ActivationState.Failed || i.State == ActivationState.NotKlarna, "nothing is left Pending or Unknown");
        var snapshot = cluster.Klarna.GetOrder(KlarnaOrderId);
        var activated = invoices.Where(i => i.State == ActivationState.Activated).ToList();
        snapshot.CapturedAmount.Should().Be(activated.Sum(i => i.Plan.Capture!.CapturedAmount.MinorUnits), "Klarna captured exactly the ledger's activated invoices");
        (snapshot.CapturedAmount - RefundedPrepayments(rows)).Should().Be(_orderTotal, "a fully invoiced order captures exactly its total, to the öre, besides the prepayments it refunded (captured again by later invoices)");
        snapshot.Captures.Count.Should().Be(activated.Count, "every capture at Klarna is an activated invoice");
        foreach (var invoice in activated)
        {
            var capture = cluster.Klarna.AssertCapturedExactlyOnce(KlarnaOrderId, invoice.InvoiceNumber);
            capture.CaptureId.Should().Be(invoice.CaptureId, $"invoice {invoice.InvoiceNumber} records Klarna's capture id");
            capture.CapturedAmount.Should().Be(invoice.Plan.Capture!.CapturedAmount.MinorUnits);
        }

        foreach (var invoice in invoices.Where(i => i.State == ActivationState.Failed))
        {
            cluster.Klarna.CapturesFor(KlarnaOrderId, invoice.InvoiceNumber).Should().BeEmpty($"failed invoice {invoice.InvoiceNumber} has no capture");
        }

        (await HasSomethingToInvoiceAsync()).Should().BeFalse("the order is fully invoiced");
        await CheckRunningInvariantsAsync();
        await AssertCreditsSettledAsync();
    }

    public void Log(string line)
    {
        lock (_trace)
        {
            _trace.AppendLine(line);
        }
    }

    private async Task<bool> HasSomethingToInvoiceAsync()
    {
        var plans = (await cluster.Ledger.GetByOrderAsync(_order.OrderNumber)).Where(i => i.DocumentKind == LedgerDocumentKind.Invoice).Select(i => i.Plan).ToList();
        return InvoiceTypeSelector.Decide(_order, plans).HasSomethingToInvoice;
    }

    private void CheckResult(InvoiceResult result)
    {
        if (result.Status.State == ActivationState.Activated)
        {
            var captures = cluster.Klarna.CapturesFor(KlarnaOrderId, result.Plan.InvoiceNumber);
            captures.Should().ContainSingle($"activated invoice {result.Plan.InvoiceNumber} is captured exactly once");
            captures[0].CapturedAmount.Should().Be(result.Plan.Capture!.CapturedAmount.MinorUnits);
            captures[0].CaptureId.Should().Be(result.Status.CaptureId);
        }
    }

    private async Task CheckRunningInvariantsAsync()
    {
        var snapshot = cluster.Klarna.GetOrder(KlarnaOrderId);
        var rows = await cluster.Ledger.GetByOrderAsync(_order.OrderNumber);
        snapshot.CapturedAmount.Should().BeLessThanOrEqualTo(_authorized, "never over-capture the authorization (as updated by the soak)");
        (snapshot.CapturedAmount - RefundedPrepayments(rows)).Should().BeLessThanOrEqualTo(_orderTotal, "never capture more than the order total, besides refunded prepayments");
        foreach (var group in snapshot.Captures.GroupBy(c => c.Reference))
        {
            group.Should().ContainSingle($"reference {group.Key} is captured once");
        }

        var invoices = rows.Where(i => i.DocumentKind == LedgerDocumentKind.Invoice).ToList();
        foreach (var line in _order.Lines)
        {
            decimal captured = invoices.Where(i => i.State == ActivationState.Activated).SelectMany(i => i.Plan.Lines).Where(l => l.OrderLineId == line.LineId).Sum(l => l.Quantity);
            captured.Should().BeLessThanOrEqualTo(line.Quantity, $"line {line.LineId} is never captured beyond its ordered quantity");
        }
    }
}
