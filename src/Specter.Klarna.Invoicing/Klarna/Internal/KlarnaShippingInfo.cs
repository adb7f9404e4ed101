namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Shipping information for a capture.</summary>
internal sealed record KlarnaShippingInfo
{
    public string? ShippingCompany { get; init; }

    public string? ShippingMethod { get; init; }

    public string? TrackingNumber { get; init; }

    public string? TrackingUri { get; init; }

    public string? ReturnShippingCompany { get; init; }

    public string? ReturnTrackingNumber { get; init; }

    public string? ReturnTrackingUri { get; init; }
}
