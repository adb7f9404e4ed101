namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The body of an update-authorization call (new order amount and lines). Amounts in minor units.</summary>
internal sealed record KlarnaUpdateAuthorizationRequest
{
    public required long OrderAmount { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<KlarnaOrderLine> OrderLines { get; init; } = [];
}
