namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>Update authorization</c> (new order amount and lines).</summary>
internal sealed class UpdateAuthorizationRequestDto
{
    public long OrderAmount { get; set; }

    public string? Description { get; set; }

    public List<OrderLineDto>? OrderLines { get; set; }
}
