namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of Klarna's error body (<c>ErrorMessageDto</c>).</summary>
internal sealed class ErrorDto
{
    public string? ErrorCode { get; set; }

    public List<string?>? ErrorMessages { get; set; }

    /// <summary>Gets or sets the single message some Klarna APIs send instead of <see cref="ErrorMessages"/> (Klarna's generic error docs allow either).</summary>
    public string? ErrorMessage { get; set; }

    public string? CorrelationId { get; set; }
}
