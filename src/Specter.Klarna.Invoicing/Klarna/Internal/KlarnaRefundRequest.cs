namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The body of a create-refund call. Amounts in minor units.</summary>
internal sealed record KlarnaRefundRequest
{
    public required long RefundedAmount { get; init; }

    public string? Reference { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<KlarnaOrderLine> OrderLines { get; init; } = [];
}
