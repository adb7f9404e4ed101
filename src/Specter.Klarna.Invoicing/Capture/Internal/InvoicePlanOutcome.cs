namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>The result of planning an invoice: the plan, or why there is none (tester-doer: planning never throws for business rules).</summary>
internal sealed record InvoicePlanOutcome
{
    /// <summary>Gets the type decision for the order (proposed type, reason, allowed alternatives).</summary>
    public required InvoiceTypeDecision Decision { get; init; }

    /// <summary>Gets the plan, or <see langword="null"/> when <see cref="Violations"/> is not empty or there is nothing to invoice.</summary>
    public InvoicePlan? Plan { get; init; }

    /// <summary>Gets the rules the request breaks; empty when the plan is allowed.</summary>
    public IReadOnlyList<KlarnaInvoicingRuleViolation> Violations { get; init; } = [];

    /// <summary>Gets a value indicating whether a plan was produced.</summary>
    public bool IsAllowed => Plan is not null && Violations.Count == 0;
}
