namespace Specter.Klarna.Invoicing;

/// <summary>A credit invoice against an invoice, as its status shows it.</summary>
/// <param name="CreditNumber">The credit invoice's number.</param>
/// <param name="Amount">The amount credited (and refunded at Klarna, when refunded).</param>
/// <param name="State">The refund's state (<see cref="ActivationState.Activated"/> = refunded).</param>
public sealed record InvoiceCredit(string CreditNumber, Money Amount, ActivationState State);
