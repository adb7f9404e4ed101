namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The body of a create-capture call. Amounts in minor units.</summary>
internal sealed record KlarnaCaptureRequest
{
    public required long CapturedAmount { get; init; }

    public string? Reference { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<KlarnaOrderLine> OrderLines { get; init; } = [];

    public IReadOnlyList<KlarnaShippingInfo> ShippingInfo { get; init; } = [];
}
