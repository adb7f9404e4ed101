using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The library's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Specter.Klarna.Invoicing</c>.</summary>
internal static class KlarnaTelemetry
{
    public const string Name = "Specter.Klarna.Invoicing";

    public static readonly string Version =
        typeof(KlarnaTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(KlarnaTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static readonly ActivitySource ActivitySource = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Klarna Order Management calls, tagged <c>klarna.operation</c>, <c>http.response.status_code</c> (0 = no answer) and <c>klarna.outcome</c>.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("klarna.om.requests", "{request}", "Klarna Order Management calls.");

    /// <summary>Call duration including retries, in seconds.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("klarna.om.request.duration", "s", "Klarna Order Management call duration, retries included.");

    /// <summary>Failed calls by Klarna <c>error_code</c> (<c>none</c> when the body had none, <c>transport</c> when no answer came).</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("klarna.om.errors", "{error}", "Klarna Order Management failures by error code.");
}
