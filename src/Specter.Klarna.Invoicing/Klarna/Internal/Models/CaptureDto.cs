namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of a <c>Capture</c> in responses. Customer addresses are deliberately not declared, so they are never materialized.</summary>
internal sealed class CaptureDto
{
    public string? CaptureId { get; set; }

    public string? KlarnaReference { get; set; }

    public long CapturedAmount { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public string? Description { get; set; }

    public string? Reference { get; set; }

    public long RefundedAmount { get; set; }
}
