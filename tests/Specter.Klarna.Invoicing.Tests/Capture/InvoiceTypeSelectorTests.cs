using Specter.Klarna.Invoicing.Capture.Internal;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Capture;

public sealed class InvoiceTypeSelectorTests
{
    [Fact]
    public void Decide_DeliveredNotInvoiced_ProposesDelivery_AllowsFinal()
    {
        var decision = InvoiceTypeSelector.Decide(IssueExample(), []);

        decision.Should().BeEquivalentTo(new InvoiceTypeDecision(InvoiceType.Delivery, InvoiceTypeReason.DeliveredNotInvoiced, [InvoiceType.Delivery, InvoiceType.Final]));
    }

    [Fact]
    public void Decide_NothingDelivered_ProposesFinal_AllowsPrepayment()
    {
        var decision = InvoiceTypeSelector.Decide(Deliver(IssueExample(), ("1", 0)), []);

        decision.Should().BeEquivalentTo(new InvoiceTypeDecision(InvoiceType.Final, InvoiceTypeReason.NothingDeliveredRemainderOpen, [InvoiceType.Final, InvoiceType.Prepayment]));
    }

    [Fact]
    public void Decide_FullyPrepaid_AllowsOnlyFinal()
    {
        var order = Deliver(IssueExample(), ("1", 0));
        var prior = new List<InvoicePlan>();
        PlanOk(order, prior, InvoiceType.Prepayment, 100);

        InvoiceTypeSelector.Decide(order, prior).Allowed.Should().Equal(InvoiceType.Final);
    }

    [Fact]
    public void Decide_EverythingInvoiced_IsNothingToInvoice()
    {
        var order = IssueExample();
        var prior = new List<InvoicePlan>();
        PlanOk(order, prior, InvoiceType.Final);

        var decision = InvoiceTypeSelector.Decide(order, prior);

        decision.Should().BeEquivalentTo(new InvoiceTypeDecision(null, InvoiceTypeReason.FullyInvoiced, []));
        decision.HasSomethingToInvoice.Should().BeFalse();
    }
}
