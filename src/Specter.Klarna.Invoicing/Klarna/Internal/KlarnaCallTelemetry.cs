using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// The telemetry of one Klarna call: its client span, its log line and its metrics, ended exactly once as an answer,
/// a failure or no answer. Only ids, status codes and durations are recorded: never bodies, headers or credentials.
/// </summary>
internal sealed class KlarnaCallTelemetry : IDisposable
{
    private readonly KlarnaTelemetry telemetry;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly string operation;
    private readonly string orderId;
    private readonly Activity? activity;
    private readonly long started;

    public KlarnaCallTelemetry(KlarnaTelemetry telemetry, TimeProvider timeProvider, ILogger logger, string operation, string orderId, string merchant, HttpMethod method)
    {
        this.telemetry = telemetry;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.operation = operation;
        this.orderId = orderId;
        activity = KlarnaTelemetry.ActivitySource.StartActivity("Klarna " + operation, ActivityKind.Client);
        activity?.SetTag("klarna.operation", operation);
        activity?.SetTag("klarna.order_id", orderId);
        activity?.SetTag("klarna.merchant", merchant);
        activity?.SetTag("http.request.method", method.Method);
        started = timeProvider.GetTimestamp();
    }

    /// <summary>No answer came (transport error, timeout, cancellation): the outcome is unknown.</summary>
    public void NoAnswer(Exception exception)
    {
        var elapsed = timeProvider.GetElapsedTime(started);
        Log.RequestNoAnswer(logger, operation, orderId, (long)elapsed.TotalMilliseconds, exception.GetType().Name);
        telemetry.Record(operation, 0, "transport", "no_answer", elapsed);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    /// <summary>An answer arrived with <paramref name="status"/> (before its body is read).</summary>
    public void Answered(int status) => activity?.SetTag("http.response.status_code", status);

    public void Succeeded(int status, string? correlationId)
    {
        var duration = timeProvider.GetElapsedTime(started);
        Log.RequestSucceeded(logger, operation, orderId, status, (long)duration.TotalMilliseconds, correlationId);
        telemetry.Record(operation, status, null, "success", duration);
    }

    public void Failed(int status, KlarnaApiException failure)
    {
        var duration = timeProvider.GetElapsedTime(started);
        Log.RequestFailed(logger, operation, orderId, status, failure.ErrorCode, (long)duration.TotalMilliseconds, failure.CorrelationId, failure.FailureKind);
        telemetry.Record(operation, status, failure.ErrorCode ?? "none", failure.FailureKind == KlarnaFailureKind.Definitive ? "refused" : "ambiguous", duration);
        activity?.SetStatus(ActivityStatusCode.Error, failure.ErrorCode ?? status.ToString(CultureInfo.InvariantCulture));
        activity?.SetTag("klarna.error_code", failure.ErrorCode);
        activity?.SetTag("klarna.correlation_id", failure.CorrelationId);
    }

    public void Dispose() => activity?.Dispose();
}
