namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of Klarna's error body (<c>ErrorMessageDto</c>).</summary>
internal sealed class ErrorDto
{
    public string? ErrorCode { get; set; }

    public List<string?>? ErrorMessages { get; set; }

    public string? CorrelationId { get; set; }
}
