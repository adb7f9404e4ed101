namespace Specter.Klarna.Invoicing.Activation.Internal;

/// <summary>Which actions an invoice allows in each activation state: an activated invoice is locked and can only be credited.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>State</term><description>Allowed</description></listheader>
/// <item><term><see cref="ActivationState.Activated"/></term><description>Credit only (<see cref="KlarnaInvoicingRule.InvoiceLocked"/> otherwise).</description></item>
/// <item><term><see cref="ActivationState.Pending"/>, <see cref="ActivationState.Unknown"/></term><description>Nothing: the outcome may be a capture, so wait for recovery (<see cref="KlarnaInvoicingRule.ActivationInProgress"/>).</description></item>
/// <item><term><see cref="ActivationState.Failed"/></term><description>Edit, delete, activate (a new attempt), re-plan; not credit (nothing was captured).</description></item>
/// <item><term><see cref="ActivationState.NotKlarna"/></term><description>Edit, delete, activate (finalises without Klarna), re-plan; a credit is the ERP's own business, with no Klarna refund, so it is refused here.</description></item>
/// </list>
/// </remarks>
internal static class InvoiceLockRules
{
    public static KlarnaInvoicingRuleViolation? Check(ActivationState state, InvoiceAction action) => state switch
    {
        ActivationState.Activated when action == InvoiceAction.Credit => null,
        ActivationState.Activated => new(
            KlarnaInvoicingRule.InvoiceLocked,
            $"The invoice is activated at Klarna and cannot be {English(action)}; it can only be credited.",
            $"Fakturan är aktiverad hos Klarna och kan inte {Swedish(action)}; den kan bara krediteras."),
        ActivationState.Pending or ActivationState.Unknown => new(
            KlarnaInvoicingRule.ActivationInProgress,
            $"The invoice's activation at Klarna is in progress or its outcome is not yet known, so it cannot be {English(action)} now; wait until the activation is settled.",
            $"Fakturans aktivering hos Klarna pågår eller har ett ännu okänt utfall, så den kan inte {Swedish(action)} nu; vänta tills aktiveringen är klar."),
        _ when action == InvoiceAction.Credit => new(
            KlarnaInvoicingRule.NotActivated,
            state == ActivationState.NotKlarna
                ? "The invoice has no Klarna capture, so there is nothing to refund at Klarna; credit it in the ERP only."
                : "The invoice was never activated at Klarna, so there is nothing to credit; edit or delete it instead.",
            state == ActivationState.NotKlarna
                ? "Fakturan har ingen dragning hos Klarna, så det finns inget att återbetala där; kreditera den enbart i affärssystemet."
                : "Fakturan aktiverades aldrig hos Klarna, så det finns inget att kreditera; ändra eller ta bort den i stället."),
        _ => null,
    };

    public static void ThrowIfViolated(ActivationState state, InvoiceAction action)
    {
        if (Check(state, action) is { } violation)
        {
            throw new KlarnaInvoicingRuleException(violation);
        }
    }

    private static string English(InvoiceAction action) => action switch
    {
        InvoiceAction.Edit => "edited",
        InvoiceAction.Delete => "deleted",
        InvoiceAction.Activate => "activated again",
        InvoiceAction.Replan => "re-planned",
        _ => "credited",
    };

    private static string Swedish(InvoiceAction action) => action switch
    {
        InvoiceAction.Edit => "ändras",
        InvoiceAction.Delete => "tas bort",
        InvoiceAction.Activate => "aktiveras igen",
        InvoiceAction.Replan => "planeras om",
        _ => "krediteras",
    };
}
