namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>RefundObject</c> (create refund request).</summary>
internal sealed class RefundRequestDto
{
    public long RefundedAmount { get; set; }

    public string? Reference { get; set; }

    public string? Description { get; set; }

    public List<OrderLineDto>? OrderLines { get; set; }
}
