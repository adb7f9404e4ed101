using System.Globalization;
using System.Net;
using System.Text;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing;

/// <summary>The exception thrown when the Klarna Order Management API answers with a non-success status code (or an unusable success).</summary>
/// <remarks>
/// <para>The <see cref="Exception.Message"/> carries the status code, <see cref="ErrorCode"/>, the error messages and
/// <see cref="CorrelationId"/>, so a plain log line is enough for Klarna support. It never carries credentials, headers,
/// request bodies or customer data. When Klarna's answer is not its error JSON (an HTML page from a proxy, an empty or
/// truncated body), <see cref="ErrorCode"/> is <see langword="null"/> and the message holds a short excerpt of the body
/// (at most 512 characters, control characters removed).</para>
/// <para>Transport failures are not wrapped: a timeout or a broken connection surfaces as
/// <see cref="HttpRequestException"/>, Polly's <c>TimeoutRejectedException</c> or <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class KlarnaApiException : Exception
{
    /// <summary>The longest body excerpt kept when the answer is not Klarna's error JSON.</summary>
    internal const int MaxExcerptLength = 512;

    /// <summary>Initializes a new instance of the <see cref="KlarnaApiException"/> class.</summary>
    public KlarnaApiException()
        : this("Klarna answered with a non-success status.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaApiException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public KlarnaApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaApiException"/> class with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public KlarnaApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorMessages = [];
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaApiException"/> class from Klarna's answer.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="errorCode">Klarna's <c>error_code</c>, for example <c>CAPTURE_NOT_ALLOWED</c>.</param>
    /// <param name="errorMessages">Klarna's <c>error_messages</c>.</param>
    /// <param name="correlationId">Klarna's <c>correlation_id</c>.</param>
    /// <param name="innerException">The inner exception, for example the JSON parser's.</param>
    public KlarnaApiException(HttpStatusCode statusCode, string? errorCode, IReadOnlyList<string>? errorMessages, string? correlationId, Exception? innerException = null)
        : base(BuildMessage(statusCode, errorCode, errorMessages, correlationId), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessages = errorMessages ?? [];
        CorrelationId = correlationId;
        FailureKind = KlarnaFailureKinds.Classify(statusCode, errorCode is not null);
    }

    /// <summary>Gets the HTTP status code Klarna answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets Klarna's machine-readable error code, for example <c>CAPTURE_NOT_ALLOWED</c>; <see langword="null"/> when the body was not Klarna's error JSON.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets Klarna's error messages (English, for logs; never parse them). Never <see langword="null"/>; empty when absent.</summary>
    public IReadOnlyList<string> ErrorMessages { get; }

    /// <summary>Gets Klarna's correlation id, to quote to Klarna support together with the order id.</summary>
    public string? CorrelationId { get; }

    /// <summary>Gets whether the outcome is definitive (Klarna refused; nothing happened) or ambiguous (it may have happened).</summary>
    internal KlarnaFailureKind FailureKind { get; init; } = KlarnaFailureKind.Ambiguous;

    /// <summary>Gets or sets whether the answer is to an in-process retry of the request (an earlier attempt may have been executed).</summary>
    internal bool AnswersRepeat { get; set; }

    private static string BuildMessage(HttpStatusCode statusCode, string? errorCode, IReadOnlyList<string>? errorMessages, string? correlationId)
    {
        var builder = new StringBuilder("Klarna answered ");
        builder.Append(((int)statusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(errorCode))
        {
            builder.Append(' ').Append(errorCode);
        }

        if (errorMessages is { Count: > 0 })
        {
            builder.Append(": ").AppendJoin(" | ", errorMessages);
        }

        builder.Append(" (correlation id ").Append(string.IsNullOrEmpty(correlationId) ? "none" : correlationId).Append(')');
        return builder.ToString();
    }
}
