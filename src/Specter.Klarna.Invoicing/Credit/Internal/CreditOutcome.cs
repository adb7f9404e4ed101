namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>The result of the credit math: the credit invoice, or why there is none (it never throws for business rules).</summary>
internal sealed record CreditOutcome
{
    /// <summary>Gets the credit invoice (positive credited lines; <see cref="InvoicePlan.Capture"/> is the Klarna refund), or <see langword="null"/>.</summary>
    public InvoicePlan? Plan { get; init; }

    /// <summary>Gets the refunded amount and VAT per VAT rate.</summary>
    public IReadOnlyList<CreditVatAmount> PerVatRate { get; init; } = [];

    /// <summary>Gets what is left to credit on the invoice, in minor units: after this credit when allowed, otherwise before it.</summary>
    public long LeftOnInvoice { get; init; }

    /// <summary>Gets the rules broken; empty when allowed.</summary>
    public IReadOnlyList<KlarnaInvoicingRuleViolation> Violations { get; init; } = [];

    /// <summary>Gets a value indicating whether the credit is allowed.</summary>
    public bool IsAllowed => Plan is not null && Violations.Count == 0;
}
