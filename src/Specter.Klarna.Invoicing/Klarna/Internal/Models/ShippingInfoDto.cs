namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>shipping_info</c>.</summary>
internal sealed class ShippingInfoDto
{
    public string? ShippingCompany { get; set; }

    public string? ShippingMethod { get; set; }

    public string? TrackingNumber { get; set; }

    public string? TrackingUri { get; set; }

    public string? ReturnShippingCompany { get; set; }

    public string? ReturnTrackingNumber { get; set; }

    public string? ReturnTrackingUri { get; set; }
}
