using System.Diagnostics;
using System.Diagnostics.Metrics;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// A trace span per invoice and invoice-level metrics, on the package's one meter and activity source
/// (<c>Specter.Klarna.Invoicing</c>); Klarna call spans (from the client) nest under the invoice span.
/// </summary>
internal sealed class InvoicingTelemetry
{
    public const string Name = KlarnaTelemetry.Name;

    public static readonly ActivitySource Source = KlarnaTelemetry.ActivitySource;

    public InvoicingTelemetry(IMeterFactory meterFactory)
    {
        // The factory owns (and disposes) the meter; it is shared with the Klarna client's instruments.
        var meter = KlarnaTelemetry.CreateMeter(meterFactory);
        Outcomes = meter.CreateCounter<long>("klarna_invoicing.invoices", "{invoice}", "Invoices by activation outcome");
        CapturedAmount = meter.CreateCounter<long>("klarna_invoicing.captured_minor_units", "{minor_unit}", "Amount activated, in minor units of its currency");
        Duration = meter.CreateHistogram<double>("klarna_invoicing.create_duration", unit: "s", description: "Time to create and activate an invoice");
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
}
