using Specter.Klarna.Invoicing.Activation.Internal;

namespace Specter.Klarna.Invoicing.Tests.Activation;

public sealed class InvoiceLockRulesTests
{
    public static TheoryData<ActivationState, InvoiceAction, KlarnaInvoicingRule?> Table()
    {
        var data = new TheoryData<ActivationState, InvoiceAction, KlarnaInvoicingRule?>();
        foreach (var action in Enum.GetValues<InvoiceAction>())
        {
            data.Add(ActivationState.Activated, action, action == InvoiceAction.Credit ? null : KlarnaInvoicingRule.InvoiceLocked);
            data.Add(ActivationState.Pending, action, KlarnaInvoicingRule.ActivationInProgress);
            data.Add(ActivationState.Unknown, action, KlarnaInvoicingRule.ActivationInProgress);
            data.Add(ActivationState.Failed, action, action == InvoiceAction.Credit ? KlarnaInvoicingRule.NotActivated : null);
            data.Add(ActivationState.NotKlarna, action, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Check_StateAndAction_GivesExpectedRule(ActivationState state, InvoiceAction action, KlarnaInvoicingRule? expected)
    {
        var violation = InvoiceLockRules.Check(state, action);

        violation?.Rule.Should().Be(expected);
        (violation is null).Should().Be(expected is null);
    }

    [Fact]
    public void ThrowIfViolated_ActivatedEdit_ThrowsWithSwedishMessage()
    {
        var ex = FluentActions.Invoking(() => InvoiceLockRules.ThrowIfViolated(ActivationState.Activated, InvoiceAction.Edit))
            .Should().Throw<KlarnaInvoicingRuleException>().Which;

        ex.Rule.Should().Be(KlarnaInvoicingRule.InvoiceLocked);
        ex.Violation!.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("sv")).Should().Be("Fakturan är aktiverad hos Klarna och kan inte ändras; den kan bara krediteras.");
        ex.Violation.MessageCode.Should().Be("Rule_InvoiceLocked");
        ex.Violation.Arguments.Should().Equal(InvoiceAction.Edit);
        ex.Message.Should().Be("The invoice is activated at Klarna and cannot be edited; it can only be credited.");
    }
}
