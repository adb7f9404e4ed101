namespace Specter.Klarna.Invoicing;

/// <summary>What a credit of an invoice would refund, before anything is written or sent.</summary>
public sealed record CreditProposal
{
    /// <summary>Gets the number of the invoice to credit.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the credit invoice as it would be recorded (lines and amounts credited, positive; its <see cref="InvoicePlan.Capture"/>
    /// is the Klarna refund, <see langword="null"/> without a reservation), or <see langword="null"/> when it breaks a rule.</summary>
    /// <remarks>A proposal carries <see cref="InvoiceProposal.PreviewInvoiceNumber"/> as the credit number and refund reference.</remarks>
    public InvoicePlan? Plan { get; init; }

    /// <summary>Gets what this credit refunds per VAT rate (a return fee counted negative at its rate).</summary>
    public IReadOnlyList<CreditVatAmount> RefundedPerVatRate { get; init; } = [];

    /// <summary>Gets what is left to credit on the invoice after this credit (before it, when the credit breaks a rule).</summary>
    public required Money LeftOnInvoice { get; init; }

    /// <summary>Gets what is left to refund on the Klarna order after this credit (captured less refunded), or <see langword="null"/> without a reservation.</summary>
    public Money? LeftOnOrder { get; init; }

    /// <summary>Gets the rules the credit breaks; empty when it can be created.</summary>
    public IReadOnlyList<KlarnaInvoicingRuleViolation> Violations { get; init; } = [];

    /// <summary>Gets a value indicating whether creating this credit would be accepted.</summary>
    public bool CanCreate => Plan is not null && Violations.Count == 0;
}
