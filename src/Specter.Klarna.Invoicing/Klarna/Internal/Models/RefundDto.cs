namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of a <c>Refund</c> in responses.</summary>
internal sealed class RefundDto
{
    public string? RefundId { get; set; }

    public long RefundedAmount { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    public string? Description { get; set; }

    public string? Reference { get; set; }
}
