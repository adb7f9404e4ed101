using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>The Settlements client's log messages: operation, status, duration and correlation id only.</summary>
internal static partial class SettlementsLog
{
    [LoggerMessage(EventId = 3200, EventName = "KlarnaSettlementsRequestSucceeded", Level = LogLevel.Debug,
        Message = "Klarna Settlements {Operation} answered {StatusCode} in {DurationMs} ms (correlation id {CorrelationId})")]
    public static partial void RequestSucceeded(ILogger logger, string operation, int statusCode, long durationMs, string? correlationId);

    [LoggerMessage(EventId = 3201, EventName = "KlarnaSettlementsRequestFailed", Level = LogLevel.Warning,
        Message = "Klarna Settlements {Operation} answered {StatusCode} {ErrorCode} in {DurationMs} ms (correlation id {CorrelationId})")]
    public static partial void RequestFailed(ILogger logger, string operation, int statusCode, string? errorCode, long durationMs, string? correlationId);

    [LoggerMessage(EventId = 3202, EventName = "KlarnaSettlementsRequestNoAnswer", Level = LogLevel.Warning,
        Message = "Klarna Settlements {Operation} got no answer after {DurationMs} ms ({ExceptionType})")]
    public static partial void RequestNoAnswer(ILogger logger, string operation, long durationMs, string exceptionType);
}
