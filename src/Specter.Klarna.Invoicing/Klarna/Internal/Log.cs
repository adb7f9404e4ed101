using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The Klarna client's log messages. Only ids, status codes and durations: never bodies, headers or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, EventName = "KlarnaRequestSucceeded", Level = LogLevel.Debug,
        Message = "Klarna {Operation} for order {KlarnaOrderId} answered {StatusCode} in {DurationMs} ms (correlation id {CorrelationId})")]
    public static partial void RequestSucceeded(ILogger logger, string operation, string klarnaOrderId, int statusCode, long durationMs, string? correlationId);

    [LoggerMessage(EventId = 3101, EventName = "KlarnaRequestFailed", Level = LogLevel.Warning,
        Message = "Klarna {Operation} for order {KlarnaOrderId} answered {StatusCode} {ErrorCode} in {DurationMs} ms (correlation id {CorrelationId}, {FailureKind})")]
    public static partial void RequestFailed(ILogger logger, string operation, string klarnaOrderId, int statusCode, string? errorCode, long durationMs, string? correlationId, KlarnaFailureKind failureKind);

    [LoggerMessage(EventId = 3102, EventName = "KlarnaRequestNoAnswer", Level = LogLevel.Warning,
        Message = "Klarna {Operation} for order {KlarnaOrderId} got no answer after {DurationMs} ms ({ExceptionType}); the outcome is unknown")]
    public static partial void RequestNoAnswer(ILogger logger, string operation, string klarnaOrderId, long durationMs, string exceptionType);
}
