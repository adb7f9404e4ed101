using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Settlements.Internal;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>
/// The whole loop against the simulator: invoice → capture → Klarna's payout → import → "paid by Klarna". The amounts are
/// the hand-computed ones of docs/payment-marking.md ("The loop in the simulator").
/// </summary>
public sealed class PayoutLoopTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InvoiceCaptureAndPayout_MarkTheInvoicesPaidByKlarna_WithHandComputedFees(bool loopback)
    {
        await using var host = await PayoutLoopHost.CreateAsync(loopback);
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "D-2" });
        await host.PostAsync($"ordermanagement/v1/orders/{order.KlarnaOrderId}/refunds", """{"refunded_amount":10000,"reference":"CN-9001"}""");
        var payoutDate = host.Clock.GetUtcNow().AddMinutes(1);
        var closed = host.Klarna.ClosePayoutPeriod(payoutDate).Should().ContainSingle().Subject;

        var results = await host.Marking.ImportPayoutsAsync(payoutDate.AddDays(-1), payoutDate.AddDays(1));

        closed.SettlementAmount.Should().Be(522_352);
        var reconciliation = results.Should().ContainSingle().Subject.Reconciliation;
        reconciliation.IsBalanced.Should().BeTrue(string.Join("; ", reconciliation.Unmatched.Select(u => u.Reason + " " + u.Transaction.Amount)));
        reconciliation.Payout.Totals.Settlement.MinorUnits.Should().Be(522_352);
        reconciliation.Markings.Select(m => (m.Kind, m.DocumentNumber, m.Amount.MinorUnits, m.MatchedBy)).Should().Equal(
            (PaymentMarkingKind.InvoicePayment, "D-1", 123_450L, PaymentMatch.Reference),
            (PaymentMarkingKind.InvoicePayment, "D-2", 430_350L, PaymentMatch.Reference),
            (PaymentMarkingKind.CreditRefund, "CN-9001", -10_000L, PaymentMatch.Reference));
        reconciliation.BookingLines.Select(l => (l.DetailedType, l.Amount.MinorUnits, l.Vat.MinorUnits, l.InvoiceNumber)).Should().Equal(
            ("PURCHASE_FEE_PERCENTAGE", -3_691L, -923L, "D-1"),
            ("PURCHASE_FEE_FIXED", -300L, -75L, "D-1"),
            ("PURCHASE_FEE_PERCENTAGE", -12_867L, -3_217L, "D-2"),
            ("PURCHASE_FEE_FIXED", -300L, -75L, "D-2"));
        reconciliation.TotalsWarnings.Should().BeEmpty();
        var status = await host.Marking.GetPaymentStatusAsync("D-2");
        status.IsPaid.Should().BeTrue();
        status.GetText(Swedish).Should().Be("Betald av Klarna");
        status.Markings.Single().PaymentReference.Should().Be(closed.PaymentReference);
    }

    [Fact]
    public async Task ARefundWithoutMerchantReference_IsMatchedToItsCreditInvoiceByRefundId()
    {
        await using var host = await PayoutLoopHost.CreateAsync(wrapHandler: inner => new DropRefundReferences { InnerHandler = inner });
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "F-1" });
        await host.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "F-1", CreditNumber = "K-1" });
        var payout = host.Klarna.ClosePayoutPeriod(host.Clock.GetUtcNow().AddMinutes(1)).Single();

        var imported = await host.Marking.ImportPayoutAsync(payout.PaymentReference);

        imported.Reconciliation.IsBalanced.Should().BeTrue(string.Join("; ", imported.Reconciliation.Unmatched.Select(u => u.Reason + " " + u.Transaction.Amount)));
        imported.Reconciliation.Markings.Select(m => (m.Kind, m.DocumentNumber, m.Amount.MinorUnits, m.MatchedBy)).Should().Equal(
            (PaymentMarkingKind.InvoicePayment, "F-1", 553_800L, PaymentMatch.Reference),
            (PaymentMarkingKind.CreditRefund, "K-1", -553_800L, PaymentMatch.KlarnaId));
    }

    [Fact]
    public async Task ImportingThePayoutAgain_MarksNothingTwice()
    {
        await using var host = await PayoutLoopHost.CreateAsync();
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "F-1" });
        var payout = host.Klarna.ClosePayoutPeriod(host.Clock.GetUtcNow().AddMinutes(1)).Single();

        var first = await host.Marking.ImportPayoutAsync(payout.PaymentReference);
        var second = await host.Marking.ImportPayoutAsync(payout.PaymentReference);
        var third = await host.Marking.ImportPayoutsAsync(payout.PayoutDate.AddDays(-1), payout.PayoutDate);

        first.NewMarkings.Select(m => (m.DocumentNumber, m.Amount.MinorUnits)).Should().Equal(("F-1", 553_800L));
        second.NewMarkings.Should().BeEmpty();
        third.Should().ContainSingle().Which.NewMarkings.Should().BeEmpty();
        second.Reconciliation.IsBalanced.Should().BeTrue();
        (await host.Marking.GetMarkingsAsync("F-1")).Should().ContainSingle();
    }

    [Fact]
    public async Task ACaptureTheLedgerDoesNotKnow_IsListed_AndThePayoutDoesNotBalanceByItsAmount()
    {
        await using var host = await PayoutLoopHost.CreateAsync();
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        // Captured in Klarna's portal: the rest of the order, with a reference the ERP never issued.
        await host.PostAsync($"ordermanagement/v1/orders/{order.KlarnaOrderId}/captures", """{"captured_amount":5000,"reference":"PORTAL-7"}""");
        var payout = host.Klarna.ClosePayoutPeriod(host.Clock.GetUtcNow().AddMinutes(1)).Single();

        var result = await host.Marking.ImportPayoutAsync(payout.PaymentReference);
        var unknown = await host.Marking.ListUnknownCapturesAsync(payout.PayoutDate.AddDays(-1), payout.PayoutDate.AddDays(1));

        // Its fees are still booked (they are Klarna's cost either way); only the sale itself has nowhere to go.
        result.Reconciliation.IsBalanced.Should().BeFalse();
        result.Reconciliation.Difference.MinorUnits.Should().Be(5_000);
        result.Reconciliation.Unmatched.Should().ContainSingle().Which.Reason.Should().Be(UnmatchedReason.UnknownCapture);
        unknown.Should().ContainSingle().Which.MerchantCaptureReference.Should().Be("PORTAL-7");
        result.NewMarkings.Select(m => m.DocumentNumber).Should().Equal("D-1");
    }

    [Fact]
    public async Task AnInvoiceNoPayoutPaid_IsListedOnlyAfterUnpaidAfter()
    {
        await using var host = await PayoutLoopHost.CreateAsync();
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        var payout = host.Klarna.ClosePayoutPeriod(host.Clock.GetUtcNow().AddMinutes(1)).Single();
        await host.Marking.ImportPayoutAsync(payout.PaymentReference);
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "D-2" }); // after the period closed

        host.Clock.Advance(TimeSpan.FromDays(9));
        var beforeUnpaidAfter = await host.Marking.ListUnpaidCapturesAsync();
        host.Clock.Advance(TimeSpan.FromDays(2));
        var afterUnpaidAfter = await host.Marking.ListUnpaidCapturesAsync();

        beforeUnpaidAfter.Should().BeEmpty("UnpaidAfter is 10 days");
        afterUnpaidAfter.Should().ContainSingle().Which.InvoiceNumber.Should().Be("D-2", "D-1 was paid by the payout");
    }

    [Fact]
    public async Task TheSettlementsClient_ReadsTheSimulatorsPayoutsByDateAndCurrency_AndItsSummary()
    {
        await using var host = await PayoutLoopHost.CreateAsync();
        var order = host.Reserve(SampleOrders.Simple());
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.Deliver(order, "1", 1), new CreateInvoiceRequest { InvoiceNumber = "D-1" });
        var first = host.Klarna.ClosePayoutPeriod(host.Clock.GetUtcNow().AddMinutes(1)).Single();
        await host.Invoicing.CreateInvoiceAsync(SampleOrders.DeliverAll(order), new CreateInvoiceRequest { InvoiceNumber = "D-2" });
        var second = host.Klarna.ClosePayoutPeriod(first.PayoutDate.AddDays(7)).Single();
        var client = host.Services.GetRequiredService<IKlarnaSettlementsClient>();

        var all = await client.ListPayoutsAsync(null, first.PayoutDate.AddDays(-1), second.PayoutDate, null, CancellationToken.None);
        var secondOnly = await client.ListPayoutsAsync(null, first.PayoutDate.AddSeconds(1), second.PayoutDate, Currency.SEK, CancellationToken.None);
        var noEuro = await client.ListPayoutsAsync(null, first.PayoutDate.AddDays(-1), second.PayoutDate, Currency.EUR, CancellationToken.None);
        var summary = await client.GetPayoutSummaryAsync(null, first.PayoutDate.AddDays(-1), second.PayoutDate, null, CancellationToken.None);

        all.Select(p => p.PaymentReference).Should().Equal(first.PaymentReference, second.PaymentReference);
        secondOnly.Select(p => p.PaymentReference).Should().Equal(second.PaymentReference);
        noEuro.Should().BeEmpty();
        // D-1 123 450 − 3 691 − 923 − 300 − 75 = 118 461; D-2 430 350 − 12 867 − 3 217 − 300 − 75 = 413 891.
        (first.SettlementAmount, second.SettlementAmount).Should().Be((118_461L, 413_891L));
        var sek = summary.Should().ContainSingle().Subject;
        (sek.Totals.Sale.MinorUnits, sek.Totals.Fee.MinorUnits, sek.Totals.Tax.MinorUnits, sek.Totals.Settlement.MinorUnits)
            .Should().Be((553_800L, 17_158L, 4_290L, 532_352L));
    }

    /// <summary>Klarna's transactions as they come for a refund made without a reference: no merchant_refund_reference.</summary>
    private sealed class DropRefundReferences : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.Contains("/settlements/v1/transactions", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
            {
                return response;
            }

            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            foreach (var transaction in json["transactions"]!.AsArray())
            {
                transaction!.AsObject().Remove("merchant_refund_reference");
            }

            response.Content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            return response;
        }
    }
}
