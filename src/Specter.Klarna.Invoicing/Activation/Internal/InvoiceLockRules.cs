namespace Specter.Klarna.Invoicing.Activation.Internal;

/// <summary>Which actions an invoice allows in each activation state: an activated invoice is locked and can only be credited.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>State</term><description>Allowed</description></listheader>
/// <item><term><see cref="ActivationState.Activated"/></term><description>Credit only (<see cref="KlarnaInvoicingRule.InvoiceLocked"/> otherwise).</description></item>
/// <item><term><see cref="ActivationState.Pending"/>, <see cref="ActivationState.Unknown"/></term><description>Nothing: the outcome may be a capture, so wait for recovery (<see cref="KlarnaInvoicingRule.ActivationInProgress"/>).</description></item>
/// <item><term><see cref="ActivationState.Failed"/></term><description>Edit, delete, activate (a new attempt), re-plan; not credit (nothing was captured).</description></item>
/// <item><term><see cref="ActivationState.NotKlarna"/></term><description>Edit, delete, activate (finalises without Klarna), re-plan, credit (recorded with nothing sent to Klarna; an invoice of a Klarna order that captured nothing is refused by the credit itself).</description></item>
/// </list>
/// </remarks>
internal static class InvoiceLockRules
{
    public static KlarnaInvoicingRuleViolation? Check(ActivationState state, InvoiceAction action) => state switch
    {
        ActivationState.Activated when action == InvoiceAction.Credit => null,
        ActivationState.Activated => new(KlarnaInvoicingRule.InvoiceLocked, "Rule_InvoiceLocked", [action]),
        ActivationState.Pending or ActivationState.Unknown => new(KlarnaInvoicingRule.ActivationInProgress, "Rule_InvoiceActivationInProgress", [action]),
        ActivationState.NotKlarna => null,
        _ when action == InvoiceAction.Credit => new(KlarnaInvoicingRule.NotActivated, "Rule_CreditNeverActivated", []),
        _ => null,
    };

    public static void ThrowIfViolated(ActivationState state, InvoiceAction action)
    {
        if (Check(state, action) is { } violation)
        {
            throw new KlarnaInvoicingRuleException(violation);
        }
    }
}
