using System.Diagnostics;
using System.Globalization;
using Specter.Klarna.Invoicing.Cli.Output;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Demo;

/// <summary>A demo check that did not hold: the library or the simulator behaved unexpectedly (exit 1).</summary>
internal sealed class DemoCheckFailedException(string message) : Exception(message);

/// <summary>
/// The demo: an embedded Klarna simulator on loopback and a temporary ledger, then the story an ERP user lives through,
/// printed as the ERP would show it. Every step checks itself, so the demo is also a smoke test.
/// </summary>
internal sealed class DemoStory
{
    private const string MerchantProfile = "Demo";
    private const string Username = "PK_demo_merchant";

    private readonly CliSettings _settings;
    private readonly CliContext _context;
    private readonly Views _views;
    private readonly KlarnaSimulator _klarna;
    private readonly IKlarnaInvoicing _invoicing;
    private readonly IKlarnaPaymentMarking _marking;
    private int _step;
    private InvoicingOrder? _full;

    private DemoStory(CliSettings settings, CliContext context, KlarnaSimulator klarna, IKlarnaInvoicing invoicing, IKlarnaPaymentMarking marking)
    {
        _marking = marking;
        _settings = settings;
        _context = context;
        _views = new Views(settings, context.Renderer);
        _klarna = klarna;
        _invoicing = invoicing;
    }

    private TextWriter Out => _context.Out;

    private CancellationToken Ct => _context.CancellationToken;

    public static async Task<int> RunAsync(CliSettings language, CliContext context)
    {
        var clock = Stopwatch.StartNew();
        string password = Guid.NewGuid().ToString("N"); // per run; never printed
        // Klarna's fee in the demo's payout: 2.99 % of each sale, 25 % VAT on the fee.
        var klarna = new KlarnaSimulator(new KlarnaSimulatorOptions { PayoutFeeRate = 299 }).AddMerchant(Username, password);
        await using (klarna.ConfigureAwait(false))
        {
            Uri baseUrl = await klarna.StartServerAsync(context.CancellationToken).ConfigureAwait(false);
            string ledgerPath = Path.Combine(Path.GetTempPath(), $"klarna-invoicing-demo-{Guid.NewGuid():N}.db");
            var settings = language with
            {
                LedgerPath = ledgerPath,
                Merchant = MerchantProfile,
                BaseUrl = baseUrl,
                Username = Username,
                Password = password,
                AllowPrepaymentCapture = true,
            };
            try
            {
                var session = await InvoicingSession.OpenAsync(
                    settings,
                    context.LedgerFactory,
                    context.CancellationToken,
                    paymentMarking: true).ConfigureAwait(false); // recovery reads Klarna's captures first, so the demo's lost answer settles at once with the production defaults
                await using (session.ConfigureAwait(false))
                {
                    var story = new DemoStory(settings, context, klarna, session.Invoicing, session.Marking);
                    await context.Out.WriteLineAsync(settings.T(
                        $"Klarna-simulator på {baseUrl} · tillfällig reskontra · handlarprofil \"{MerchantProfile}\" (förskott tillåtet)",
                        $"Klarna simulator at {baseUrl} · temporary ledger · merchant profile \"{MerchantProfile}\" (prepayment allowed)")).ConfigureAwait(false);
                    await story.FullInvoiceAsync().ConfigureAwait(false);
                    await story.PartialDeliveriesAsync().ConfigureAwait(false);
                    await story.PrepaymentThenFinalAsync().ConfigureAwait(false);
                    await story.KlarnaRefusesAsync().ConfigureAwait(false);
                    await story.LostAnswerSettledByRecoveryAsync().ConfigureAwait(false);
                    await story.LockedInvoiceAsync().ConfigureAwait(false);
                    await story.SummaryAsync().ConfigureAwait(false);
                    await story.PayoutAsync().ConfigureAwait(false);
                    await story.ReturnCreditedAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                TryDelete(ledgerPath);
                TryDelete(ledgerPath + "-wal");
                TryDelete(ledgerPath + "-shm");
            }

            await context.Out.WriteLineAsync(settings.T(
                $"Demon är klar på {clock.Elapsed.TotalSeconds.ToString("0.0", settings.Culture)} s: alla dragningar hos Klarna stämmer med reskontran.",
                $"Demo finished in {clock.Elapsed.TotalSeconds.ToString("0.0", settings.Culture)} s: every Klarna capture matches the ledger.")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }

    private async Task FullInvoiceAsync()
    {
        await HeadingAsync("Hel faktura", "A full invoice", "Allt på order 10001 är levererat. Användaren öppnar fakturadialogen och klickar OK.", "Everything on order 10001 is delivered. The user opens the invoice dialog and clicks OK.").ConfigureAwait(false);
        var order = await ReserveAsync(DemoOrders.Full()).ConfigureAwait(false);
        _full = order;
        await ProposeAsync(order).ConfigureAwait(false);
        var result = await CreateAsync(order, "5001").ConfigureAwait(false);
        Expect(result.Status.State == ActivationState.Activated, "invoice 5001 is activated");
        await PrintKlarnaOrderAsync(order).ConfigureAwait(false);
    }

    private async Task PartialDeliveriesAsync()
    {
        await HeadingAsync(
            "Delleverans: reservationen ligger kvar, sedan resten",
            "Partial delivery: the reservation stays, then the rest",
            "Order 10002: 2 av 3 T-shirts levererade. Leveransfakturan drar bara det levererade.",
            "Order 10002: 2 of 3 T-shirts delivered. The delivery invoice captures only what was delivered.").ConfigureAwait(false);
        var first = await ReserveAsync(DemoOrders.Partial(tshirtsDelivered: 2)).ConfigureAwait(false);
        await ProposeAsync(first).ConfigureAwait(false);
        var r1 = await CreateAsync(first, "5002").ConfigureAwait(false);
        Expect(r1.Status.State == ActivationState.Activated && r1.Plan.Total.MinorUnits == 37_387, "invoice 5002 captures 373.87 SEK");
        var klarnaOrder = await PrintKlarnaOrderAsync(first).ConfigureAwait(false);
        Expect(klarnaOrder.RemainingAuthorizedAmount.MinorUnits == 16_243, "the rest of the reservation (162.43 SEK) is kept");

        await Out.WriteLineAsync(_settings.T("Den tredje T-shirten levereras. Leveransfakturan tar resten:", "The third T-shirt is delivered. The delivery invoice takes the rest:")).ConfigureAwait(false);
        var rest = DemoOrders.Partial(tshirtsDelivered: 3) with { KlarnaOrderId = first.KlarnaOrderId, Merchant = MerchantProfile };
        await ProposeAsync(rest).ConfigureAwait(false);
        var r2 = await CreateAsync(rest, "5003").ConfigureAwait(false);
        Expect(r2.Status.State == ActivationState.Activated && r2.Plan.Total.MinorUnits == 16_243, "invoice 5003 captures 162.43 SEK");
        var done = await PrintKlarnaOrderAsync(rest).ConfigureAwait(false);
        Expect(done.CapturedAmount.MinorUnits == 53_630 && done.RemainingAuthorizedAmount.MinorUnits == 0, "the two invoices add up to the order, 536.30 SEK");
    }

    private async Task PrepaymentThenFinalAsync()
    {
        await HeadingAsync(
            "Förskottsfaktura 30 %, sedan slutfaktura",
            "30 % prepayment invoice, then the final invoice",
            "Order 10003 är inte levererad. Kunden betalar 30 % i förskott; slutfakturan avräknar förskottet.",
            "Order 10003 is not delivered. The customer prepays 30 %; the final invoice nets the prepayment off.").ConfigureAwait(false);
        var order = await ReserveAsync(DemoOrders.Prepayment()).ConfigureAwait(false);
        await ProposeAsync(order, InvoiceType.Prepayment, 30m).ConfigureAwait(false);
        var prepayment = await CreateAsync(order, "5004", InvoiceType.Prepayment, 30m).ConfigureAwait(false);
        Expect(prepayment.Status.State == ActivationState.Activated && prepayment.Plan.Total.MinorUnits == 39_000, "the prepayment captures 390.00 SEK");

        await Out.WriteLineAsync(_settings.T("Slutfakturan:", "The final invoice:")).ConfigureAwait(false);
        await ProposeAsync(order).ConfigureAwait(false);
        var final = await CreateAsync(order, "5005").ConfigureAwait(false);
        Expect(final.Status.State == ActivationState.Activated && final.Plan.Total.MinorUnits == 91_000, "the final invoice captures 910.00 SEK");
        var klarnaOrder = await PrintKlarnaOrderAsync(order).ConfigureAwait(false);
        Expect(klarnaOrder.CapturedAmount.MinorUnits == 130_000, "prepayment + final = the order total, 1 300.00 SEK");
    }

    private async Task KlarnaRefusesAsync()
    {
        await HeadingAsync(
            "Klarna nekar aktiveringen",
            "Klarna refuses the activation",
            "Order 10004: någon makulerar ordern hos Klarna precis när fakturan skapas. Klarnas eget felmeddelande visas.",
            "Order 10004: someone cancels the order at Klarna just as the invoice is created. Klarna's own error message is shown.").ConfigureAwait(false);
        var order = await ReserveAsync(DemoOrders.Refused()).ConfigureAwait(false);
        string klarnaOrderId = order.KlarnaOrderId!;
        _klarna.InjectFault(SimulatedFault.CancelOrderBeforeApplying().OnOperation(SimulatedOperation.CreateCapture).When(r => r.OrderId == klarnaOrderId));
        var result = await CreateAsync(order, "5006").ConfigureAwait(false);
        Expect(result.Status.State == ActivationState.Failed && result.Status.Failure?.ErrorCode == "CAPTURE_NOT_ALLOWED", "Klarna refuses with CAPTURE_NOT_ALLOWED");
        Expect(!result.Status.IsLocked, "a failed invoice is not locked");
        await _invoicing.AbandonInvoiceAsync("5006", Ct).ConfigureAwait(false);
        await Out.WriteLineAsync(_settings.T(
            "Fakturan är inte låst: användaren makulerar den (AbandonInvoiceAsync) och raderna kan faktureras igen.",
            "The invoice is not locked: the user abandons it (AbandonInvoiceAsync) and its lines can be invoiced again.")).ConfigureAwait(false);
    }

    private async Task LostAnswerSettledByRecoveryAsync()
    {
        await HeadingAsync(
            "Svaret går förlorat: avstämningen löser det",
            "The answer is lost: recovery settles it",
            "Order 10005: Klarna genomför dragningen men svaret når aldrig ERP:et (även omförsöket med samma nyckel).",
            "Order 10005: Klarna applies the capture but the answer never reaches the ERP (nor does the retry with the same key).").ConfigureAwait(false);
        var order = await ReserveAsync(DemoOrders.LostAnswer()).ConfigureAwait(false);
        _klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        var result = await CreateAsync(order, "5007").ConfigureAwait(false);
        Expect(result.Status.State == ActivationState.Unknown, "the outcome is unknown, not failed");
        try
        {
            await _invoicing.EnsureAllowedAsync("5007", InvoiceAction.Edit, Ct).ConfigureAwait(false);
            Expect(false, "editing an invoice with an unknown outcome is refused");
        }
        catch (KlarnaInvoicingRuleException ex) when (ex.Rule == KlarnaInvoicingRule.ActivationInProgress)
        {
            await Out.WriteLineAsync(_settings.T("Ändra faktura 5007 → nekas: ", "Edit invoice 5007 → refused: ") + ex.Violation!.GetMessage(_settings.Culture)).ConfigureAwait(false);
        }

        _klarna.ClearFaults(); // the network is back
        await Out.WriteLineAsync(_settings.T("Nätet är tillbaka; avstämningen körs (klarna-invoicing recover):", "The network is back; recovery runs (klarna-invoicing recover):")).ConfigureAwait(false);
        var report = await _invoicing.RecoverAsync(Ct).ConfigureAwait(false);
        await Out.WriteAsync(_views.Recovery(report)).ConfigureAwait(false);
        Expect(report.Settled.Count == 1 && report.Settled[0].State == ActivationState.Activated && report.StillUnsettled == 0, "recovery settles 5007 as activated");
        _klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, "5007");
        await Out.WriteLineAsync(_settings.T("Klarna har exakt en dragning med referens 5007.", "Klarna holds exactly one capture with reference 5007.")).ConfigureAwait(false);
    }

    private async Task LockedInvoiceAsync()
    {
        await HeadingAsync(
            "En aktiverad faktura är låst",
            "An activated invoice is locked",
            "Användaren försöker ändra och radera faktura 5001.",
            "The user tries to edit and delete invoice 5001.").ConfigureAwait(false);
        foreach (var action in new[] { InvoiceAction.Edit, InvoiceAction.Delete })
        {
            try
            {
                await _invoicing.EnsureAllowedAsync("5001", action, Ct).ConfigureAwait(false);
                Expect(false, $"{action} of an activated invoice is refused");
            }
            catch (KlarnaInvoicingRuleException ex) when (ex.Rule == KlarnaInvoicingRule.InvoiceLocked)
            {
                string what = action == InvoiceAction.Edit ? _settings.T("Ändra", "Edit") : _settings.T("Radera", "Delete");
                await Out.WriteLineAsync($"{what} 5001 → {_settings.T("nekas", "refused")} ({ex.Rule}, exit {ExitCodes.Locked}): {ex.Violation!.GetMessage(_settings.Culture)}").ConfigureAwait(false);
            }
        }
    }

    private async Task ReturnCreditedAsync()
    {
        await HeadingAsync(
            "En retur krediteras",
            "A return is credited",
            "Kunden skickar tillbaka en stol från faktura 5001. Användaren skapar kreditfaktura 9001 (klarna-invoicing credit); Klarna återbetalar den på rätt dragning.",
            "The customer returns one chair of invoice 5001. The user creates credit invoice 9001 (klarna-invoicing credit); Klarna refunds it on the right capture.").ConfigureAwait(false);
        var credit = await _invoicing.CreateCreditAsync(
            new CreateCreditRequest { InvoiceNumber = "5001", CreditNumber = "9001", Lines = [new CreditLineRequest("1", 1)] }, Ct).ConfigureAwait(false);
        await Out.WriteAsync(_views.Result(new InvoiceResult { Plan = credit.Plan, Status = credit.Status })).ConfigureAwait(false);
        var klarnaOrder = await PrintKlarnaOrderAsync(_full!).ConfigureAwait(false);
        Expect(credit.Status.State == ActivationState.Activated && klarnaOrder.RefundedAmount.MinorUnits == credit.Plan.Total.MinorUnits, "Klarna refunded exactly the credit invoice");
        var original = await _invoicing.GetActivationStatusAsync("5001", Ct).ConfigureAwait(false);
        await Out.WriteLineAsync(_settings.T("Faktura 5001: ", "Invoice 5001: ") + original!.GetTooltip(_settings.Culture)).ConfigureAwait(false);
    }

    private async Task SummaryAsync()
    {
        await HeadingAsync("Sammanfattning", "Summary", "Klarna-ikonen i orderlistan:", "The Klarna icon in the order list:").ConfigureAwait(false);
        var table = Tables.New(_settings.T("Order", "Order"), _settings.T("Faktura", "Invoice"), _settings.T("Status", "Status"), _settings.T("Belopp", "Amount")).RightAlign(3);
        foreach (var orderNumber in new[] { "10001", "10002", "10003", "10004", "10005" })
        {
            foreach (var status in await _invoicing.GetOrderActivationStatusesAsync(orderNumber, Ct).ConfigureAwait(false))
            {
                table.Row(
                    Tables.Cell(orderNumber),
                    Tables.Cell(status.InvoiceNumber),
                    Tables.Cell(status.GetText(_settings.Culture), Tables.StateStyle(status.State)),
                    Tables.Cell(status.Amount is { } a ? _views.Money(a) : "-"));
            }
        }

        await Out.WriteAsync(_views.Render(table)).ConfigureAwait(false);
        foreach (var snapshot in _klarna.Orders)
        {
            long activated = 0;
            foreach (var status in await _invoicing.GetOrderActivationStatusesAsync(snapshot.MerchantReference1!, Ct).ConfigureAwait(false))
            {
                activated += status.State == ActivationState.Activated && !status.IsCredit ? status.Amount!.Value.MinorUnits : 0;
            }

            Expect(snapshot.CapturedAmount == activated, $"Klarna's captured amount on order {snapshot.MerchantReference1} equals the ledger's activated invoices");
        }
    }

    private async Task PayoutAsync()
    {
        await HeadingAsync(
            "Klarna betalar ut: fakturorna märks betalda",
            "Klarna pays out: the invoices are marked paid",
            "Klarna för över pengarna för dragningarna, minus sin avgift. ERP:et läser utbetalningen (klarna-invoicing payouts / reconcile):",
            "Klarna transfers the money for the captures, less its fee. The ERP reads the payout (klarna-invoicing payouts / reconcile):").ConfigureAwait(false);
        var now = TimeProvider.System.GetUtcNow();
        var closed = _klarna.ClosePayoutPeriod(now);
        Expect(closed.Count == 1, "Klarna makes one payout of the demo's captures");
        var results = await _marking.ImportPayoutsAsync(now.AddDays(-1), now.AddDays(1), null, Ct).ConfigureAwait(false);
        Expect(results.Count == 1, "the payout is read from Klarna's Settlements API");
        await Out.WriteAsync(new PayoutViews(_settings, _context.Renderer).Reconciliation(results[0])).ConfigureAwait(false);
        var reconciliation = results[0].Reconciliation;
        Expect(reconciliation.IsBalanced && reconciliation.Payout.Totals.Settlement.MinorUnits == closed[0].SettlementAmount, "the markings and Klarna's fees add up to the bank transfer");
        foreach (var invoice in new[] { "5001", "5002", "5003", "5004", "5005", "5007" })
        {
            Expect((await _marking.GetPaymentStatusAsync(invoice, Ct).ConfigureAwait(false)).IsPaid, $"invoice {invoice} is paid by Klarna");
        }

        var status = await _marking.GetPaymentStatusAsync("5001", Ct).ConfigureAwait(false);
        await Out.WriteLineAsync($"5001: {status.GetText(_settings.Culture)} — {status.GetTooltip(_settings.Culture)}").ConfigureAwait(false);
    }

    private async Task<InvoicingOrder> ReserveAsync(InvoicingOrder order)
    {
        // The order total as the library computes it: a final-invoice proposal for the undelivered order without a reservation.
        var undelivered = order with { KlarnaOrderId = null, Merchant = MerchantProfile, Lines = order.Lines.Select(l => l with { DeliveredQuantity = 0 }).ToList() };
        var preview = await _invoicing.ProposeAsync(undelivered, new InvoiceProposalRequest { Type = InvoiceType.Final }, Ct).ConfigureAwait(false);
        long total = preview.Plan!.Total.MinorUnits;
        string id = _klarna.SeedOrder(new SimulatedOrder
        {
            Currency = order.Currency,
            OrderAmount = total,
            OrderLines = [new SimulatedOrderLine { Name = "Order " + order.OrderNumber, Reference = order.OrderNumber, Quantity = 1, UnitPrice = total, TaxRate = 0 }],
            MerchantReference1 = order.OrderNumber,
        });
        await Out.WriteLineAsync(_settings.T(
            $"Kunden betalade order {order.OrderNumber} med Klarna: reservation {id} på {_views.Money(preview.Plan.Total)}.",
            $"The customer paid order {order.OrderNumber} with Klarna: reservation {id} of {_views.Money(preview.Plan.Total)}.")).ConfigureAwait(false);
        return order with { KlarnaOrderId = id, Merchant = MerchantProfile };
    }

    private async Task ProposeAsync(InvoicingOrder order, InvoiceType? type = null, decimal? percent = null)
    {
        var proposal = await _invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = type, PrepaymentPercent = percent }, Ct).ConfigureAwait(false);
        await Out.WriteLineAsync(_settings.T("Fakturadialogen visar:", "The invoice dialog shows:")).ConfigureAwait(false);
        await Out.WriteAsync(_views.Proposal(proposal)).ConfigureAwait(false);
        Expect(proposal.CanCreate, $"the proposal for order {order.OrderNumber} can be created");
    }

    private async Task<InvoiceResult> CreateAsync(InvoicingOrder order, string invoiceNumber, InvoiceType? type = null, decimal? percent = null)
    {
        await Out.WriteLineAsync(_settings.T($"Användaren skapar faktura {invoiceNumber}:", $"The user creates invoice {invoiceNumber}:")).ConfigureAwait(false);
        var result = await _invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = invoiceNumber, Type = type, PrepaymentPercent = percent }, Ct).ConfigureAwait(false);
        await Out.WriteAsync(_views.Result(result)).ConfigureAwait(false);
        return result;
    }

    private async Task<KlarnaOrder> PrintKlarnaOrderAsync(InvoicingOrder order)
    {
        var klarnaOrder = await _invoicing.GetKlarnaOrderAsync(null, order.KlarnaOrderId!, Ct).ConfigureAwait(false);
        await Out.WriteLineAsync(_settings.T("Hos Klarna (klarna-invoicing order):", "At Klarna (klarna-invoicing order):")).ConfigureAwait(false);
        await Out.WriteAsync(_views.KlarnaOrder(klarnaOrder)).ConfigureAwait(false);
        return klarnaOrder;
    }

    private async Task HeadingAsync(string swedish, string english, string storySwedish, string storyEnglish)
    {
        _step++;
        string title = _step.ToString(CultureInfo.InvariantCulture) + ". " + _settings.T(swedish, english);
        await Out.WriteLineAsync().ConfigureAwait(false);
        await Out.WriteLineAsync("══ " + title + " " + new string('═', Math.Max(3, 76 - title.Length))).ConfigureAwait(false);
        await Out.WriteLineAsync(_settings.T(storySwedish, storyEnglish)).ConfigureAwait(false);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new DemoCheckFailedException("demo check failed: " + what);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
