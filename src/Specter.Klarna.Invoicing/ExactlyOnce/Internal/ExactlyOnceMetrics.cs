using System.Diagnostics.Metrics;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>What an operator must see even when every call returned normally: outcomes that contradicted the ledger, and rows that could not be read.</summary>
internal sealed class ExactlyOnceMetrics : IDisposable
{
    /// <summary>The library's meter name (one per package).</summary>
    public const string MeterName = "Specter.Klarna.Invoicing";

    private readonly Meter _meter;

    public ExactlyOnceMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Conflicts = _meter.CreateCounter<long>("klarna_invoicing.outcome_conflicts", description: "Klarna answers that contradicted what the ledger had recorded meanwhile (by kind)");
        UnreadableRows = _meter.CreateCounter<long>("klarna_invoicing.unreadable_ledger_rows", description: "Ledger rows recovery could not read");
    }

    public Counter<long> Conflicts { get; }

    public Counter<long> UnreadableRows { get; }

    public void Conflict(string kind) => Conflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => _meter.Dispose();
}
