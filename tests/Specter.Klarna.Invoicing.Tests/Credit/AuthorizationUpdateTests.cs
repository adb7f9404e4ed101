using System.Net;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Credit;

/// <summary>Changing the reservation (<c>PATCH …/authorization</c>) under Klarna's conditions: an increase only for some payment methods and markets.</summary>
public sealed class AuthorizationUpdateTests
{
    private const long OrderTotal = 553_800;

    [Theory]
    [InlineData("INVOICE", "SE", true)]
    [InlineData("INVOICE_BUSINESS", "NO", true)]
    [InlineData("ACCOUNT", "DE", true)]
    [InlineData("DIRECT_DEBIT", "FI", true)]
    [InlineData("FIXED_AMOUNT", "SE", true)]
    [InlineData("INVOICE", "CH", false)]
    [InlineData("FIXED_AMOUNT", "GB", false)]
    [InlineData("PAY_BY_CARD", "SE", false)]
    [InlineData("SWISH", "SE", false)]
    public async Task AnIncrease_IsAllowedOnlyForThePaymentMethodsAndMarketsKlarnaNames(string paymentMethod, string country, bool allowed)
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(), authorizedAmount: 500_000, paymentMethod: paymentMethod, country: country);

        var update = () => h.Invoicing.UpdateReservationAsync(order);

        if (allowed)
        {
            (await update()).OrderAmount.Should().Be(new Money(OrderTotal, Currency.SEK));
        }
        else
        {
            (await update.Should().ThrowAsync<KlarnaApiException>()).Which.ErrorCode.Should().Be("NOT_ALLOWED");
            h.Klarna.GetOrder(order.KlarnaOrderId!).OrderAmount.Should().Be(500_000, "a refused update changes nothing at Klarna");
        }
    }

    [Fact]
    public async Task ADecrease_IsAllowedForEveryPaymentMethod()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(), authorizedAmount: 600_000, paymentMethod: "PAY_BY_CARD");

        var updated = await h.Invoicing.UpdateReservationAsync(order);

        updated.OrderAmount.Should().Be(new Money(OrderTotal, Currency.SEK));
    }

    [Fact]
    public async Task AnIncreaseACardPaymentDoesNotAllow_ShowsKlarnasOwnWords_AndRecordsNothingAsDone()
    {
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple(), paymentMethod: "PAY_BY_CARD");
        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "P-1", Type = InvoiceType.Prepayment, PrepaymentPercent = 30 });
        await h.Invoicing.CreateCreditAsync(new CreateCreditRequest { InvoiceNumber = "P-1", CreditNumber = "PK-1" });
        var delivered = SampleOrders.DeliverAll(order);
        var rowsBefore = await h.Ledger.GetByOrderAsync(order.OrderNumber);

        var proposal = await h.Invoicing.ProposeAsync(delivered);
        var refused = (await FluentActions.Awaiting(() => h.Invoicing.UpdateReservationAsync(delivered)).Should().ThrowAsync<KlarnaApiException>()).Which;

        proposal.CanCreate.Should().BeFalse("Klarna holds 3 876,60 kr and the final invoice is 5 538,00 kr");
        proposal.Warnings.Should().Contain(w => w.IsBlocking && (w.Code == ProposalWarningCode.ExceedsRemainingAuthorized || w.Code == ProposalWarningCode.AuthorizationSpentByCreditedPrepayment));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.ErrorCode.Should().Be("NOT_ALLOWED");
        refused.ErrorMessages.Should().Equal("Update not allowed.");
        refused.Message.Should().Contain("Update not allowed.", "the library shows Klarna's own words");
        var snapshot = h.Klarna.GetOrder(order.KlarnaOrderId!);
        snapshot.OrderAmount.Should().Be(OrderTotal, "Klarna changed nothing");
        snapshot.RemainingAuthorizedAmount.Should().Be(OrderTotal - 166_140);
        (await h.Ledger.GetByOrderAsync(order.OrderNumber)).Should().BeEquivalentTo(rowsBefore, "a refused update records nothing");

        var create = () => h.Invoicing.CreateInvoiceAsync(delivered, new CreateInvoiceRequest { InvoiceNumber = "F-1" });
        (await create.Should().ThrowAsync<KlarnaInvoicingRuleException>()).Which.Rule.Should().Be(KlarnaInvoicingRule.ExceedsAuthorizedAmount);
        (await h.Ledger.FindAsync("F-1")).Should().BeNull("nothing is recorded for an invoice Klarna cannot capture");
        h.Klarna.ReceivedRequests.Count(r => r.Operation == SimulatedOperation.CreateCapture).Should().Be(1, "only the prepayment was ever captured");
    }
}
