using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>A trace span per invoice and invoice-level metrics; Klarna call spans (from the client) nest under the invoice span.</summary>
internal sealed class InvoicingTelemetry : IDisposable
{
    public const string Name = "Specter.Klarna.Invoicing.Invoicing";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;

    public InvoicingTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        Outcomes = _meter.CreateCounter<long>("klarna_invoicing.invoices", description: "Invoices by activation outcome");
        CapturedAmount = _meter.CreateCounter<long>("klarna_invoicing.captured_minor_units", description: "Amount activated, in minor units");
        Duration = _meter.CreateHistogram<double>("klarna_invoicing.create_duration", unit: "s", description: "Time to create and activate an invoice");
    }

    public Counter<long> Outcomes { get; }

    public Counter<long> CapturedAmount { get; }

    public Histogram<double> Duration { get; }

    public void Record(ActivationState state, Money? amount, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("state", state.ToString());
        Outcomes.Add(1, tag);
        Duration.Record(elapsed.TotalSeconds, tag);
        if (state == ActivationState.Activated && amount is { } money)
        {
            CapturedAmount.Add(money.MinorUnits, new KeyValuePair<string, object?>("currency", money.Currency.Code));
        }
    }

    public void Dispose() => _meter.Dispose();
}
