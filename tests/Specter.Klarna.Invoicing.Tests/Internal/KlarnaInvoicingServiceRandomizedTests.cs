using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>
/// Model-based exactly-once test of the whole library against the Klarna simulator: random orders, random invoicing
/// sequences (deliveries, prepayments, final invoices, concurrent calls, retries, abandons) and random faults at the
/// capture (every <see cref="SimulatedFault"/> kind, Klarna refusals, a crash between Klarna's 201 and the ledger write),
/// with recovery at random points and always at the end.
/// </summary>
/// <remarks>
/// <para>CsCheck generates one <see cref="int"/> seed per case and drives a seeded <see cref="Random"/> for everything in
/// the case (CsCheck's <c>SampleAsync</c> works fine, but a whole interleaved sequence of awaited calls is far easier to
/// write and to replay from one integer than as a composed <c>Gen</c>). A failure prints the case seed and the step trace;
/// replay it with <see cref="RunCaseAsync"/> (add it to <see cref="RegressionSeeds"/>).</para>
/// <para>A case is deterministic given its seed except for the interleaving of the deliberately concurrent calls.
/// Cases run 8 at a time: most of a case's wall time is the Klarna client's real ~1 s retry backoff after an injected
/// 5xx or transport fault, which is why those faults are budgeted per case.</para>
/// </remarks>
public sealed class KlarnaInvoicingServiceRandomizedTests(ITestOutputHelper output)
{
    private const int Cases = 64;
    private const int ConcurrentCases = 8;
    private const string CrashMessage = "Simulated crash: the process died between Klarna's 201 and the ledger write.";

    private static readonly decimal[] VatRates = [25m, 12m, 6m, 0m];

    /// <summary>Refusals the library may legally answer with while the model drives it; anything else fails the case.</summary>
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

    private static bool IsLegal(KlarnaInvoicingRuleException ex) => ex.Rule is { } rule && LegalRefusals.Contains(rule);

    public static TheoryData<int> RegressionSeeds => [91614810, 2111409066, 1023730240, 228728877, 54167533, 1672248936];

    [Fact]
    public async Task RandomOrdersStepsAndFaults_KlarnaCapturesExactlyTheActivatedInvoices()
    {
        await Gen.Int[1, int.MaxValue].SampleAsync(
            RunCaseAsync,
            writeLine: output.WriteLine,
            iter: Cases,
            threads: ConcurrentCases,
            print: seed => $"case seed {seed} (replay: KlarnaInvoicingServiceRandomizedTests.RunCaseAsync({seed}))");
    }

    [Theory]
    [MemberData(nameof(RegressionSeeds))]
    public Task RegressionSeed(int seed) => RunCaseAsync(seed);

    /// <summary>
    /// The bug this seed found: a later invoice deducted a prepayment whose capture had failed, as if it had been paid; abandoning
    /// the failed prepayment then left the order "fully invoiced" with Klarna short by the prepayment (10 150.71 SEK). Now a failed
    /// prepayment blocks further invoicing of the order (PrepaymentNotSettled) until it is retried or abandoned.
    /// </summary>
    [Fact]
    public Task FailedPrepaymentKeptWhileInvoicingOn_KlarnaStillCapturesTheOrderTotal() => RunCaseAsync(54167533, abandonFailedPrepayments: false);

    /// <summary>
    /// The race the model found (seed 91614810): two invoices of one order planned on the same ledger read; the slower one is
    /// recorded after the faster one settled, so the ledger's one-unsettled-capture-per-order guard does not stop it.
    /// Deterministic: both calls read the ledger before either records, and one reservation read is delayed.
    /// </summary>
    [Fact]
    public async Task TwoDeliveryInvoicesPlannedOnTheSameLedgerRead_DoNotCaptureTheSameDeliveryTwice()
    {
        var ledger = new BarrierLedger(new InMemoryKlarnaInvoiceLedger(), parties: 2);
        await using var h = InvoicingHarness.Create(ledger: ledger);
        var order = h.Reserve(SampleOrders.Deliver(SampleOrders.Simple(), "1", 1));
        h.Klarna.InjectFault(SimulatedFault.Delay(TimeSpan.FromMilliseconds(300)).OnCall(SimulatedOperation.GetOrder, 2));

        var calls = new[] { "R-1", "R-2" }.Select(number => Task.Run(async () =>
        {
            try
            {
                return (await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = number })).Status.State;
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule is KlarnaInvoicingRule.ActivationInProgress or KlarnaInvoicingRule.NothingToInvoice)
            {
                return (ActivationState?)null;
            }
        }));
        var outcomes = await Task.WhenAll(calls);

        outcomes.Count(o => o == ActivationState.Activated).Should().Be(1, "one chair was delivered, so one invoice captures it");
        h.Klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount.Should().Be(123450, "the delivered chair (1 × 1234.50 SEK) is captured once");
        await h.AssertKlarnaMatchesLedgerAsync(order);
    }

    /// <summary>Runs one generated case; throws with the seed and the step trace when an invariant breaks.</summary>
    internal static async Task RunCaseAsync(int seed) => await RunCaseAsync(seed, abandonFailedPrepayments: (seed & 1) == 0);

    internal static async Task RunCaseAsync(int seed, bool abandonFailedPrepayments)
    {
        var model = new CaseModel(seed, abandonFailedPrepayments);
        try
        {
            await model.RunAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Case seed {seed} failed: {ex.Message}\nSteps:\n{model.Trace}", ex);
        }
        finally
        {
            await model.DisposeAsync();
        }
    }

    /// <summary>One case: the order, the library under test against the simulator, and the random driver.</summary>
    private sealed class CaseModel : IAsyncDisposable
    {
        private readonly Random _random;
        private readonly StringBuilder _trace = new();
        private readonly InMemoryKlarnaInvoiceLedger _ledger = new();
        private readonly CrashSwitchLedger _crashLedger;
        private readonly RefusalSwitch _refusal = new();
        private readonly InvoicingHarness _h;
        private readonly long _authorized;
        private readonly long _orderTotal;
        private InvoicingOrder _order;
        private int _invoiceCounter;
        private int _slowFaultsLeft;
        private bool _anyDelivered;

        private readonly bool _abandonFailedPrepayments;

        public CaseModel(int seed, bool abandonFailedPrepayments)
        {
            _abandonFailedPrepayments = abandonFailedPrepayments;
            _random = new Random(seed);
            _crashLedger = new CrashSwitchLedger(_ledger);
            bool shortKeyWindow = _random.Next(5) == 0;
            var shipping = _random.Next(2) == 0 ? ShippingPolicy.FirstInvoice : ShippingPolicy.ProRata;
            _h = InvoicingHarness.Create(
                o =>
                {
                    o.ShippingPolicy = shipping;
                    if (shortKeyWindow)
                    {
                        o.IdempotencyKeyLifetime = TimeSpan.FromTicks(1); // recovery reconciles from Klarna's captures, never re-sends
                    }
                },
                ledger: _crashLedger,
                wrapHandler: inner => new RefusingHandler(inner, _refusal));

            var order = RandomOrder(_random, seed);
            _orderTotal = InvoicingHarness.OrderTotal(order).MinorUnits;
            _authorized = _random.Next(4) == 0 ? _orderTotal + _random.NextInt64(1, (_orderTotal / 2) + 2) : _orderTotal;
            _order = _h.Reserve(order, _authorized);
            _slowFaultsLeft = _random.Next(0, 3);
            Log($"order {_order.OrderNumber}: {_order.Lines.Count} lines, total {_orderTotal}, authorized {_authorized}, prices incl. VAT {_order.PricesIncludeVat}, shipping {shipping}, short key window {shortKeyWindow}");
            foreach (var l in _order.Lines)
            {
                Log($"  line {l.LineId} {l.Kind} qty {l.Quantity} à {l.UnitPrice} VAT {l.VatRate} disc {l.DiscountPercent}");
            }
        }

        public string Trace => _trace.ToString();

        private string KlarnaOrderId => _order.KlarnaOrderId!;

        public async Task RunAsync()
        {
            for (int step = 0; step < 14 && await HasSomethingToInvoiceAsync(); step++)
            {
                await RandomStepAsync(step);
                await CheckRunningInvariantsAsync();
            }

            await FinishAsync();
            await AssertFinalInvariantsAsync();
        }

        public async ValueTask DisposeAsync() => await _h.DisposeAsync();

        private async Task RandomStepAsync(int step)
        {
            int roll = _random.Next(100);
            InvoiceType? type;
            decimal? percent = null;
            if (!_anyDelivered && roll < 18)
            {
                type = InvoiceType.Prepayment;
                percent = _random.Next(10, 51);
            }
            else if (roll < 30)
            {
                type = InvoiceType.Final;
            }
            else
            {
                Deliver(all: _random.Next(4) == 0);
                type = _random.Next(3) == 0 ? null : InvoiceType.Delivery;
            }

            ArmFaults();
            int shape = _random.Next(100);
            if (shape < 12)
            {
                string number = NextInvoiceNumber();
                Log($"step {step}: 2 concurrent {type?.ToString() ?? "proposed"} {number} (same number)");
                await Task.WhenAll(Task.Run(() => CreateAsync(number, type, percent, concurrent: true)), Task.Run(() => CreateAsync(number, type, percent, concurrent: true)));
            }
            else if (shape < 24)
            {
                string first = NextInvoiceNumber();
                string second = NextInvoiceNumber();
                if (_random.Next(2) == 0)
                {
                    // A slow read of the reservation: one call plans while the other captures and settles.
                    int getOrders = _h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.GetOrder);
                    _h.Klarna.InjectFault(SimulatedFault.Delay(TimeSpan.FromMilliseconds(_random.Next(20, 80))).OnCall(SimulatedOperation.GetOrder, getOrders + 1 + _random.Next(2)));
                    Log("  fault: delay one of the next two reservation reads");
                }

                Log($"step {step}: 2 concurrent {type?.ToString() ?? "proposed"} {first} and {second}");
                await Task.WhenAll(Task.Run(() => CreateAsync(first, type, percent, concurrent: true)), Task.Run(() => CreateAsync(second, type, percent, concurrent: true)));
            }
            else if (shape < 30 && !(_abandonFailedPrepayments && (await _ledger.GetByOrderAsync(_order.OrderNumber)).Any(i => i.Plan.Type == InvoiceType.Prepayment)))
            {
                string number = NextInvoiceNumber();
                Log($"step {step}: {type?.ToString() ?? "proposed"} {number} with recovery running concurrently");
                await Task.WhenAll(Task.Run(() => CreateAsync(number, type, percent)), Task.Run(RecoverAsync));
            }
            else
            {
                string number = NextInvoiceNumber();
                Log($"step {step}: {type?.ToString() ?? "proposed"} {number}{(percent is null ? string.Empty : $" {percent} %")}");
                await CreateAsync(number, type, percent);
            }

            DisarmFaults();

            if (_random.Next(3) == 0)
            {
                await RecoverAsync();
            }

            await RetryOrAbandonFailedAsync(mustActivate: false);
        }

        /// <summary>Faults for the next capture(s): once or always (cleared after the step); 5xx/transport faults cost a real ~1 s retry, so they are budgeted.</summary>
        private void ArmFaults()
        {
            int roll = _random.Next(100);
            bool always = _random.Next(3) == 0;
            SimulatedFault? fault = null;
            if (roll < 30 && _slowFaultsLeft > 0)
            {
                _slowFaultsLeft--;
                fault = _random.Next(4) switch
                {
                    0 => SimulatedFault.FailBeforeApplying(),
                    1 => SimulatedFault.LoseResponseAfterApplying(),
                    2 => SimulatedFault.ServerErrorAfterApplying(),
                    _ => SimulatedFault.MalformedResponse(afterApplying: true),
                };
            }
            else if (roll < 45)
            {
                fault = SimulatedFault.Conflict();
            }
            else if (roll < 55)
            {
                fault = SimulatedFault.Delay(TimeSpan.FromMilliseconds(_random.Next(5, 50)), afterApplying: _random.Next(2) == 0);
            }

            if (fault is not null)
            {
                int captures = _h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture);
                fault = always ? fault.OnOperation(SimulatedOperation.CreateCapture).Always()
                    : _random.Next(2) == 0 ? fault.OnOperation(SimulatedOperation.CreateCapture)
                    : fault.OnCall(SimulatedOperation.CreateCapture, captures + 1);
                _h.Klarna.InjectFault(fault);
                Log($"  fault: {fault.Kind}{(fault.AfterApplying ? " after applying" : string.Empty)} {(always ? "always" : "once")}");
            }

            if (_random.Next(10) == 0)
            {
                _crashLedger.Arm();
                Log("  fault: crash before the next activated ledger write");
            }

            if (_random.Next(10) == 0)
            {
                _refusal.Arm();
                Log("  fault: Klarna refuses the next capture (403)");
            }
        }

        private void DisarmFaults()
        {
            _h.Klarna.ClearFaults();
            _crashLedger.Disarm();
            _refusal.Disarm();
        }

        private void Deliver(bool all)
        {
            var lines = _order.Lines.Select(l =>
            {
                if (l.Kind is not (OrderLineKind.Goods or OrderLineKind.Service))
                {
                    return l;
                }

                if (all)
                {
                    return l with { DeliveredQuantity = l.Quantity };
                }

                decimal step = decimal.Truncate(l.Quantity) == l.Quantity ? 1m : 0.5m;
                decimal more = step * _random.Next(0, 3);
                return l with { DeliveredQuantity = Math.Min(l.Quantity, l.DeliveredQuantity + more) };
            }).ToList();
            _order = _order with { Lines = lines };
            _anyDelivered |= lines.Any(l => l.DeliveredQuantity > 0);
            Log($"  deliver{(all ? " all" : string.Empty)}: {string.Join(", ", lines.Where(l => l.Kind is OrderLineKind.Goods or OrderLineKind.Service).Select(l => $"{l.LineId}={l.DeliveredQuantity}/{l.Quantity}"))}");
        }

        private string NextInvoiceNumber() => $"{_order.OrderNumber}-F{++_invoiceCounter}";

        private async Task CreateAsync(string number, InvoiceType? type, decimal? percent, bool concurrent = false)
        {
            try
            {
                var result = await _h.Invoicing.CreateInvoiceAsync(_order, new CreateInvoiceRequest { InvoiceNumber = number, Type = type, PrepaymentPercent = percent });
                Log($"  {number}: {result.Status.State} {result.Plan.Type} {result.Plan.Capture?.CapturedAmount.MinorUnits}{(result.RemainingAuthorizationReleased ? " (released the rest)" : string.Empty)}");
                CheckResult(result);
            }
            catch (KlarnaInvoicingRuleException ex) when (IsLegal(ex) || (concurrent && ex.Rule == KlarnaInvoicingRule.ExceedsAuthorizedAmount))
            {
                // ExceedsAuthorizedAmount: a concurrent call captured between this call's ledger read and its reservation read (refused, nothing written).
                Log($"  {number}: refused {ex.Rule}");
            }
            catch (IOException ex) when (ex.Message == CrashMessage)
            {
                Log($"  {number}: crashed after Klarna's 201");
            }
        }

        private async Task RetryOrAbandonFailedAsync(bool mustActivate)
        {
            var failed = (await _ledger.GetByOrderAsync(_order.OrderNumber)).Where(i => i.State == ActivationState.Failed).ToList();
            foreach (var invoice in failed)
            {
                bool retry = _random.Next(2) == 0 && !(_abandonFailedPrepayments && invoice.Plan.Type == InvoiceType.Prepayment);
                if (retry)
                {
                    try
                    {
                        var result = await _h.Invoicing.RetryActivationAsync(_order, invoice.InvoiceNumber);
                        Log($"  retry {invoice.InvoiceNumber}: {result.Status.State} attempt {result.Status.Attempt} {result.Plan.Capture?.CapturedAmount.MinorUnits}");
                        CheckResult(result);
                        if (mustActivate)
                        {
                            result.Status.State.Should().Be(ActivationState.Activated, "a retry without faults activates");
                        }

                        continue;
                    }
                    catch (KlarnaInvoicingRuleException ex) when (IsLegal(ex))
                    {
                        // For example a failed delivery invoice after a later final invoice took the undelivered rest: only abandoning helps.
                        Log($"  retry {invoice.InvoiceNumber}: refused {ex.Rule}");
                        if (!mustActivate)
                        {
                            continue;
                        }
                    }
                }

                if (!retry || mustActivate)
                {
                    try
                    {
                        await _h.Invoicing.AbandonInvoiceAsync(invoice.InvoiceNumber);
                        Log($"  abandon {invoice.InvoiceNumber}");
                    }
                    catch (KlarnaInvoicingRuleException ex) when (!mustActivate && ex.Rule == KlarnaInvoicingRule.ActivationInProgress)
                    {
                        Log($"  abandon {invoice.InvoiceNumber}: refused {ex.Rule}");
                    }
                }
            }
        }

        private async Task RecoverAsync() => await RecoverAsync(InvoicingHarness.Later);

        /// <summary>Lets <paramref name="later"/> pass on the library's clock (grace periods, Klarna's retry schedule), then recovers.</summary>
        private async Task RecoverAsync(TimeSpan later)
        {
            _h.Clock.Advance(later);
            RecoveryReport report;
            try
            {
                report = await _h.Invoicing.RecoverAsync();
            }
            catch (IOException ex) when (ex.Message == CrashMessage)
            {
                Log("  recover: crashed after Klarna's 201");
                return;
            }

            Log($"  recover: examined {report.Examined}, settled {string.Join(", ", report.Settled.Select(s => $"{s.InvoiceNumber}={s.State}"))}, still unsettled {report.StillUnsettled}");
        }

        /// <summary>Clears every fault, recovers, settles failed invoices and invoices the rest: everything must now activate.</summary>
        private async Task FinishAsync()
        {
            DisarmFaults();
            Log("finish:");
            await RecoverAsync(Specter.Klarna.Invoicing.ExactlyOnce.Internal.ExactlyOnceLimits.RetrySchedule[^1]); // past the longest wait of Klarna's retry schedule
            (await _ledger.ListUnsettledAsync()).Invoices.Should().BeEmpty("recovery without faults settles every invoice");

            for (int round = 0; round < 10; round++)
            {
                await RetryOrAbandonFailedAsync(mustActivate: true);
                if (!await HasSomethingToInvoiceAsync())
                {
                    break;
                }

                Deliver(all: true);
                string number = NextInvoiceNumber();
                var result = await _h.Invoicing.CreateInvoiceAsync(_order, new CreateInvoiceRequest { InvoiceNumber = number });
                Log($"  {number}: {result.Status.State} {result.Plan.Type} {result.Plan.Capture?.CapturedAmount.MinorUnits}");
                CheckResult(result);
                result.Status.State.Should().Be(ActivationState.Activated, "an invoice without faults activates");
            }

            await RecoverAsync();
        }

        private async Task<bool> HasSomethingToInvoiceAsync()
        {
            var plans = (await _ledger.GetByOrderAsync(_order.OrderNumber)).Select(i => i.Plan).ToList();
            return InvoiceTypeSelector.Decide(_order, plans).HasSomethingToInvoice;
        }

        /// <summary>What every returned result must satisfy at once.</summary>
        private void CheckResult(InvoiceResult result)
        {
            var captures = _h.Klarna.CapturesFor(KlarnaOrderId, result.Plan.InvoiceNumber);
            if (result.Status.State == ActivationState.Activated)
            {
                captures.Should().ContainSingle($"activated invoice {result.Plan.InvoiceNumber} is captured exactly once");
                captures[0].CapturedAmount.Should().Be(result.Plan.Capture!.CapturedAmount.MinorUnits);
                captures[0].CaptureId.Should().Be(result.Status.CaptureId);
            }
            else if (result.Status.State == ActivationState.Failed)
            {
                captures.Should().BeEmpty($"failed invoice {result.Plan.InvoiceNumber} was refused, so Klarna holds no capture for it");
            }

            captures.Count.Should().BeLessThanOrEqualTo(1, $"invoice {result.Plan.InvoiceNumber} is never captured twice");
        }

        private async Task CheckRunningInvariantsAsync()
        {
            var snapshot = _h.Klarna.GetOrder(KlarnaOrderId);
            snapshot.CapturedAmount.Should().BeLessThanOrEqualTo(_authorized, "never over-capture the authorization");
            snapshot.CapturedAmount.Should().BeLessThanOrEqualTo(_orderTotal, "never capture more than the order total");
            foreach (var group in snapshot.Captures.GroupBy(c => c.Reference))
            {
                group.Should().ContainSingle($"reference {group.Key} is captured once");
            }

            var invoices = await _ledger.GetByOrderAsync(_order.OrderNumber);
            CheckLineQuantities(invoices);
            if (invoices.All(i => !i.IsUnsettled))
            {
                await _h.AssertKlarnaMatchesLedgerAsync(_order);
            }
        }

        private void CheckLineQuantities(IReadOnlyList<LedgerInvoice> invoices)
        {
            foreach (var line in _order.Lines)
            {
                decimal captured = invoices.Where(i => i.State == ActivationState.Activated).SelectMany(i => i.Plan.Lines).Where(l => l.OrderLineId == line.LineId).Sum(l => l.Quantity);
                captured.Should().BeLessThanOrEqualTo(line.Quantity, $"line {line.LineId} is never captured (activated) beyond its ordered quantity");
                decimal invoiced = invoices.SelectMany(i => i.Plan.Lines).Where(l => l.OrderLineId == line.LineId).Sum(l => l.Quantity);
                invoiced.Should().BeLessThanOrEqualTo(line.Quantity, $"line {line.LineId} is never invoiced (by any invoice in the ledger) beyond its ordered quantity");
            }
        }

        private async Task AssertFinalInvariantsAsync()
        {
            var invoices = await _ledger.GetByOrderAsync(_order.OrderNumber);
            invoices.Should().OnlyContain(i => i.State == ActivationState.Activated || i.State == ActivationState.NotKlarna || i.State == ActivationState.Failed, "every invoice is settled");
            await _h.AssertKlarnaMatchesLedgerAsync(_order);
            await CheckRunningInvariantsAsync();
            foreach (var invoice in invoices.Where(i => i.State == ActivationState.Failed))
            {
                _h.Klarna.CapturesFor(KlarnaOrderId, invoice.InvoiceNumber).Should().BeEmpty($"failed invoice {invoice.InvoiceNumber} has no capture");
            }

            if (invoices.All(i => i.State == ActivationState.Activated) && !await HasSomethingToInvoiceAsync())
            {
                _h.Klarna.GetOrder(KlarnaOrderId).CapturedAmount.Should().Be(_orderTotal, "a fully invoiced order captures exactly its total, to the öre");
            }
            else
            {
                throw new InvalidOperationException("The model did not finish the order: every invoice should be activated and nothing left to invoice.");
            }
        }

        private void Log(string line)
        {
            lock (_trace)
            {
                _trace.AppendLine(line);
            }
        }
    }

    /// <summary>A valid random ERP order: 2–8 lines, goods and services with integer and fractional quantities, optional shipping and order discount.</summary>
    internal static InvoicingOrder RandomOrder(Random random, int seed)
    {
        bool shipping = random.Next(2) == 0;
        bool discount = random.Next(3) == 0;
        int goodsCount = random.Next(1, 7);
        if (goodsCount + (shipping ? 1 : 0) + (discount ? 1 : 0) < 2)
        {
            goodsCount = 2;
        }

        var lines = new List<InvoicingOrderLine>();
        long goodsMinor = 0;
        for (int i = 0; i < goodsCount; i++)
        {
            bool fractional = random.Next(4) == 0;
            decimal quantity = fractional ? random.Next(0, 6) + 0.5m : random.Next(1, 6);
            long priceMinor = random.Next(100, 250_000) * (fractional ? 2L : 1L);
            decimal discountPercent = random.Next(5) == 0 ? 10m : 0m;
            goodsMinor += (long)(quantity * priceMinor * (100 - discountPercent) / 100m);
            lines.Add(new InvoicingOrderLine
            {
                LineId = (i + 1).ToString(CultureInfo.InvariantCulture),
                ArticleNumber = "ART-" + (i + 1).ToString(CultureInfo.InvariantCulture),
                Description = "Article " + (i + 1).ToString(CultureInfo.InvariantCulture),
                Kind = random.Next(4) == 0 ? OrderLineKind.Service : OrderLineKind.Goods,
                Quantity = quantity,
                Unit = fractional ? "kg" : "st",
                UnitPrice = priceMinor / 100m,
                VatRate = VatRates[random.Next(VatRates.Length)],
                DiscountPercent = discountPercent,
            });
        }

        if (shipping)
        {
            lines.Add(new() { LineId = "S", ArticleNumber = "FRAKT", Description = "Frakt", Kind = OrderLineKind.Shipping, Quantity = 1, UnitPrice = random.Next(0, 15_000) / 100m, VatRate = VatRates[random.Next(VatRates.Length)] });
        }

        if (discount)
        {
            lines.Add(new() { LineId = "D", ArticleNumber = "RABATT", Description = "Rabatt", Kind = OrderLineKind.Discount, Quantity = 1, UnitPrice = -random.NextInt64(1, (goodsMinor / 4) + 2) / 100m, VatRate = VatRates[random.Next(VatRates.Length)] });
        }

        var order = new InvoicingOrder
        {
            OrderNumber = "MB" + seed.ToString(CultureInfo.InvariantCulture),
            Currency = "SEK",
            PricesIncludeVat = random.Next(2) == 0,
            Lines = lines,
        };
        var errors = OrderValidator.Validate(order);
        return errors.Count == 0 ? order : throw new InvalidOperationException("The generator made an invalid order: " + string.Join(" ", errors.Select(e => e.Message)));
    }

    /// <summary>Wraps the ledger: when armed, the next write of an <see cref="ActivationState.Activated"/> outcome throws, as if the process died after Klarna's 201.</summary>
    private sealed class CrashSwitchLedger(IKlarnaInvoiceLedger inner) : IKlarnaInvoiceLedger
    {
        private int _armed;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Disarm() => Volatile.Write(ref _armed, 0);

        public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default) => inner.TryAddAsync(invoice, cancellationToken);

        public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default) =>
            invoice.State == ActivationState.Activated && Interlocked.Exchange(ref _armed, 0) == 1
                ? throw new IOException(CrashMessage)
                : inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);

        public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

        public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.FindAsync(invoiceNumber, cancellationToken);

        public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => inner.GetByOrderAsync(orderNumber, cancellationToken);

        public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => inner.ListUnsettledAsync(cancellationToken);
    }

    /// <summary>Holds the first <c>parties</c> reads of an order's invoices until all have arrived, so concurrent calls plan on the same read.</summary>
    private sealed class BarrierLedger(IKlarnaInvoiceLedger inner, int parties) : IKlarnaInvoiceLedger
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default) => inner.TryAddAsync(invoice, cancellationToken);

        public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);

        public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

        public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.FindAsync(invoiceNumber, cancellationToken);

        public async Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
        {
            var read = await inner.GetByOrderAsync(orderNumber, cancellationToken);
            int arrived = Interlocked.Increment(ref _arrived);
            if (arrived == parties)
            {
                _allArrived.TrySetResult();
            }

            if (arrived <= parties)
            {
                await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }

            return read;
        }

        public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => inner.ListUnsettledAsync(cancellationToken);
    }

    /// <summary>Shared by every handler instance the HTTP client factory builds: arms one Klarna refusal.</summary>
    private sealed class RefusalSwitch
    {
        private readonly HashSet<string> _seenKeys = new(StringComparer.Ordinal);
        private int _armed;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Disarm() => Volatile.Write(ref _armed, 0);

        public bool TryFire() => Interlocked.Exchange(ref _armed, 0) == 1;

        /// <summary>Klarna replays the stored answer for a key it has seen, so only a key's first send can be refused.</summary>
        public bool IsFirstSend(string key)
        {
            lock (_seenKeys)
            {
                return _seenKeys.Add(key);
            }
        }
    }

    /// <summary>When armed, answers the next capture POST with Klarna's 403 refusal without forwarding it: a definite "not captured".</summary>
    private sealed class RefusingHandler(HttpMessageHandler inner, RefusalSwitch refusal) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? key = request.Headers.TryGetValues("Klarna-Idempotency-Key", out var values) ? values.FirstOrDefault() : null;
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/captures", StringComparison.Ordinal)
                && key is not null && refusal.IsFirstSend(key) && refusal.TryFire())
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
                {
                    RequestMessage = request,
                    Content = new StringContent(
                        """{"error_code":"CAPTURE_NOT_ALLOWED","error_messages":["Simulated refusal: capture not allowed."],"correlation_id":"model-based-test"}""",
                        Encoding.UTF8,
                        "application/json"),
                });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
