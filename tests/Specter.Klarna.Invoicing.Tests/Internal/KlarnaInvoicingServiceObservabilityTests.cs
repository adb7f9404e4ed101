using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Internal;

public sealed class KlarnaInvoicingServiceObservabilityTests
{
    [Fact]
    public async Task CreateInvoice_InvoiceSpanParentsTheKlarnaCallSpans_AndOutcomeIsCounted()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Specter.Klarna.Invoicing", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var outcomes = new ConcurrentBag<(long Value, string? State)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "klarna_invoicing.invoices")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            outcomes.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "state").Value as string)));
        meters.Start();
        await using var h = InvoicingHarness.Create();
        var order = h.Reserve(SampleOrders.Simple("OBS-1"));

        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "OBS-F1" });

        var invoiceSpan = stopped.Single(a => a.OperationName == "klarna_invoicing.create_invoice" && (string?)a.GetTagItem("klarna_invoicing.invoice_number") == "OBS-F1");
        invoiceSpan.GetTagItem("klarna_invoicing.state").Should().Be("Activated");
        var klarnaCalls = stopped.Where(a => a.Kind == ActivityKind.Client && a.ParentSpanId == invoiceSpan.SpanId).ToList();
        klarnaCalls.Select(a => a.OperationName).Should().Contain(name => name.Contains("Capture", StringComparison.OrdinalIgnoreCase));
        klarnaCalls.Should().OnlyContain(a => a.TraceId == invoiceSpan.TraceId);
        outcomes.Should().Contain((1, "Activated"));
    }

    [Fact]
    public async Task CreateInvoice_LogsTheDecisionAndTransitions_WithStableEventIds_AndNoSecrets()
    {
        FakeLogCollector? logs = null;
        await using var h = InvoicingHarness.Create(configureServices: services => services.AddFakeLogging(o => o.OutputSink = null));
        logs = h.Services.GetFakeLogCollector();
        var order = h.Reserve(SampleOrders.Simple("LOG-1"));
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.CreateCapture).Always());

        await h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "LOG-F1" });
        h.Klarna.ClearFaults();
        await h.RecoverLaterAsync();

        var records = logs.GetSnapshot();
        records.Should().Contain(r => r.Id.Id == 2001 && r.Id.Name == "InvoiceTypeChosen" && r.Message.Contains("Final", StringComparison.Ordinal));
        records.Should().Contain(r => r.Id.Id == 2005 && r.Level == LogLevel.Warning);
        records.Should().Contain(r => r.Id.Id == 2004 && r.Id.Name == "ReconciledFromKlarna");
        records.Should().Contain(r => r.Id.Id == 2003 && r.Id.Name == "IdempotencyKeyReused");
        records.Where(r => r.Id.Id == 2002).Select(r => r.Message).Should().Contain(m => m.Contains("Unknown -> Activated", StringComparison.Ordinal));
        records.Should().NotContain(r => r.Message.Contains(InvoicingHarness.Password, StringComparison.Ordinal)
            || (r.Exception != null && r.Exception.ToString().Contains(InvoicingHarness.Password, StringComparison.Ordinal)));
    }
}
