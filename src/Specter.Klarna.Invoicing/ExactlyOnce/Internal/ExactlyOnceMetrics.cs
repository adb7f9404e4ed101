using System.Diagnostics.Metrics;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>What an operator must see even when every call returned normally: outcomes that contradicted the ledger, and rows that could not be read.</summary>
/// <remarks>The instruments live on the package's one meter, which the host's <see cref="IMeterFactory"/> owns and disposes.</remarks>
internal sealed class ExactlyOnceMetrics
{
    /// <summary>The library's meter name (one per package).</summary>
    public const string MeterName = KlarnaTelemetry.Name;

    public ExactlyOnceMetrics(IMeterFactory meterFactory)
    {
        var meter = KlarnaTelemetry.CreateMeter(meterFactory);
        Conflicts = meter.CreateCounter<long>("klarna_invoicing.outcome_conflicts", description: "Klarna answers that contradicted what the ledger had recorded meanwhile (by kind)");
        UnreadableRows = meter.CreateCounter<long>("klarna_invoicing.unreadable_ledger_rows", description: "Ledger rows recovery could not read");
    }

    public Counter<long> Conflicts { get; }

    public Counter<long> UnreadableRows { get; }

    public void Conflict(string kind) => Conflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
