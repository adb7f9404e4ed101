namespace Specter.Klarna.Invoicing;

/// <summary>Why Klarna refused an activation (or why its outcome is unknown), word for word as Klarna said it.</summary>
/// <param name="HttpStatus">The HTTP status Klarna answered with, or <see langword="null"/> when no answer arrived.</param>
/// <param name="ErrorCode">Klarna's <c>error_code</c>, for example <c>CAPTURE_NOT_ALLOWED</c>, or <see langword="null"/>.</param>
/// <param name="ErrorMessages">Klarna's <c>error_messages</c>, verbatim (or a short transport-error description).</param>
/// <param name="CorrelationId">Klarna's <c>correlation_id</c>, to quote to Klarna support.</param>
public sealed record ActivationFailure(int? HttpStatus, string? ErrorCode, IReadOnlyList<string> ErrorMessages, string? CorrelationId);
