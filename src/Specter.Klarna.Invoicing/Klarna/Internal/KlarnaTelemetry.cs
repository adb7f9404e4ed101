using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// The package's telemetry names (one per package, .NET convention: the assembly name) and the Klarna client's metrics.
/// The meter comes from the host's <see cref="IMeterFactory"/> (so it is scoped to the container and testable with
/// <c>MetricCollector</c>); the factory hands the invoicing layer the same meter, as both ask for the same name and version.
/// </summary>
internal sealed class KlarnaTelemetry
{
    /// <summary>The name of the package's <see cref="Meter"/> and <see cref="ActivitySource"/>.</summary>
    public const string Name = "Specter.Klarna.Invoicing";

    public static readonly string Version =
        typeof(KlarnaTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(KlarnaTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The package's one activity source: invoice spans and the Klarna call spans nested under them.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    public KlarnaTelemetry(IMeterFactory meterFactory)
    {
        var meter = CreateMeter(meterFactory);
        Requests = meter.CreateCounter<long>("klarna.om.requests", "{request}", "Klarna Order Management calls.");
        Duration = meter.CreateHistogram<double>("klarna.om.request.duration", "s", "Klarna Order Management call duration, retries included.");
        Errors = meter.CreateCounter<long>("klarna.om.errors", "{error}", "Klarna Order Management failures by error code.");
    }

    /// <summary>Klarna Order Management calls, tagged <c>klarna.operation</c>, <c>http.response.status_code</c> (0 = no answer) and <c>klarna.outcome</c>.</summary>
    public Counter<long> Requests { get; }

    /// <summary>Call duration including retries, in seconds; same tags as <see cref="Requests"/>.</summary>
    public Histogram<double> Duration { get; }

    /// <summary>Failed calls by Klarna <c>error_code</c> (<c>none</c> when the body had none, <c>transport</c> when no answer came).</summary>
    public Counter<long> Errors { get; }

    /// <summary>The package's meter from the host's factory (cached by the factory: one meter per container).</summary>
    public static Meter CreateMeter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return meterFactory.Create(new MeterOptions(Name) { Version = Version });
    }

    public void Record(string operation, int status, string? errorCode, string outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "klarna.operation", operation },
            { "http.response.status_code", status },
            { "klarna.outcome", outcome },
        };
        Requests.Add(1, tags);
        Duration.Record(duration.TotalSeconds, tags);
        if (errorCode is not null)
        {
            Errors.Add(1, new TagList { { "klarna.operation", operation }, { "klarna.error_code", errorCode }, { "http.response.status_code", status } });
        }
    }
}
