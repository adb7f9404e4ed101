namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>UpdateShippingInfo</c> (add shipping info to a capture).</summary>
internal sealed class UpdateShippingInfoRequestDto
{
    public List<ShippingInfoDto>? ShippingInfo { get; set; }
}
