namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>CaptureObject</c> (create capture request).</summary>
internal sealed class CaptureRequestDto
{
    public long CapturedAmount { get; set; }

    public string? Reference { get; set; }

    public string? Description { get; set; }

    public List<OrderLineDto>? OrderLines { get; set; }

    public List<ShippingInfoDto>? ShippingInfo { get; set; }
}
