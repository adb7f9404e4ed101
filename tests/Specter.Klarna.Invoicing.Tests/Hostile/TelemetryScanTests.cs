using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// Runs success, retry, refusal, lost-answer-and-recovery and wrong-credential scenarios against orders whose Klarna
/// answers carry recognisable personal data, and scans every log line (message and structured state), exception
/// message, metric tag and span attribute for that data, the password and the Authorization header value.
/// </summary>
public sealed class TelemetryScanTests(ITestOutputHelper output)
{
    private const string WrongPassword = "Wr0ng-Pa55word-7733";

    private static readonly string[] PersonalData =
        ["Astrid", "Lindqvist-Hostile", "Ödegatan 17", "114 51", "astrid.lindqvist@pii.example", "+46701234567", "19770514-1234", "1977-05-14", "Bolagsvägen 3"];

    [Fact]
    public async Task NoSecretOrPersonalData_InLogsExceptionsMetricsOrSpans()
    {
        // The listeners are process-wide: spans and metrics of tests running in parallel arrive on other threads,
        // so every write goes under the list's lock and the scan reads a snapshot taken after the listeners stop.
        var seen = new List<string>();
        using var spans = ListenToSpans(seen);
        using var metrics = ListenToMetrics(seen);
        await using var h = InvoicingHarness.Create(
            wrapHandler: inner => new PersonalDataHandler { InnerHandler = inner },
            configureServices: s => s.AddFakeLogging(o => o.OutputSink = null).AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)));

        // Success, then a 503 the client retries, then an answer lost after Klarna applied it, settled by recovery.
        await Run(seen, () => h.Invoicing.CreateInvoiceAsync(h.Reserve(SampleOrders.Simple("S-1")), new CreateInvoiceRequest { InvoiceNumber = "S-1" }));
        h.Klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnCall(SimulatedOperation.CreateCapture, 2));
        await Run(seen, () => h.Invoicing.CreateInvoiceAsync(h.Reserve(SampleOrders.Simple("S-2")), new CreateInvoiceRequest { InvoiceNumber = "S-2" }));
        h.Klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).Always());
        await Run(seen, () => h.Invoicing.CreateInvoiceAsync(h.Reserve(SampleOrders.Simple("S-3")), new CreateInvoiceRequest { InvoiceNumber = "S-3" }));
        h.Klarna.ClearFaults();
        var report = await h.Invoicing.RecoverAsync();
        Add(seen, report.Errors.Select(e => e.Message));
        (await h.Invoicing.GetActivationStatusAsync("S-3"))!.State.Should().Be(ActivationState.Activated, "recovery settled the lost answer");

        // Refusals: a cancelled reservation, a 502 proxy page, an unknown order, and the reading of an order with personal data.
        var cancelled = h.Reserve(SampleOrders.Simple("S-4"), status: "CANCELLED");
        await Run(seen, () => h.Invoicing.CreateInvoiceAsync(cancelled, new CreateInvoiceRequest { InvoiceNumber = "S-4" }));
        h.Klarna.InjectFault(SimulatedFault.MalformedResponse().OnOperation(SimulatedOperation.CreateCapture).Always());
        await Run(seen, () => h.Invoicing.CreateInvoiceAsync(h.Reserve(SampleOrders.Simple("S-5")), new CreateInvoiceRequest { InvoiceNumber = "S-5" }));
        h.Klarna.ClearFaults();
        await Run(seen, () => h.Invoicing.GetKlarnaOrderAsync(null, "0b1d9815-165e-42e2-8867-000000000000"));
        var read = await h.Invoicing.GetKlarnaOrderAsync(null, h.Reserve(SampleOrders.Simple("S-6")).KlarnaOrderId!);
        read.OrderId.Should().NotBeNull();

        // Wrong credentials: Klarna's 401.
        await using var wrong = InvoicingHarness.Create(o => o.Merchants[InvoicingHarness.Merchant].Password = WrongPassword, configureServices: s => s.AddFakeLogging(o => o.OutputSink = null));
        await Run(seen, () => wrong.Invoicing.GetKlarnaOrderAsync(null, wrong.Reserve(SampleOrders.Simple("W-1")).KlarnaOrderId!));

        foreach (var invoice in (await h.Ledger.ListUnsettledAsync()).Invoices)
        {
            Add(seen, invoice.LastFailure?.ErrorMessages ?? []);
        }

        var logs = h.Services.GetFakeLogCollector().GetSnapshot().Concat(wrong.Services.GetFakeLogCollector().GetSnapshot()).ToList();
        Add(seen, logs.SelectMany(r => new[] { r.Message, r.Exception?.ToString() ?? "" }.Concat(r.StructuredState?.Select(kv => kv.Key + "=" + kv.Value) ?? Enumerable.Empty<string>())));
        logs.Should().NotBeEmpty();
        PersonalDataHandler.Served.Should().BePositive("the scenarios read orders carrying personal data");

        string[] passwords = [InvoicingHarness.Password, WrongPassword];
        var forbidden = PersonalData
            .Concat(passwords)
            .Concat(passwords.Select(p => Convert.ToBase64String(Encoding.UTF8.GetBytes(InvoicingHarness.Username + ":" + p))))
            .ToList();
        spans.Dispose();
        metrics.Dispose();
        List<string> scanned;
        lock (seen)
        {
            scanned = [.. seen];
        }

        var leaks = scanned.SelectMany(line => forbidden.Where(f => line.Contains(f, StringComparison.OrdinalIgnoreCase)).Select(f => $"'{f}' in: {line}")).ToList();
        output.WriteLine($"telemetry scan: {scanned.Count} strings ({logs.Count} log records, spans, metric tags, exception messages) searched for {forbidden.Count} secrets and personal data items; {leaks.Count} leaks");
        leaks.Should().BeEmpty();
    }

    private static void Add(List<string> seen, IEnumerable<string> lines)
    {
        var copy = lines.ToList();
        lock (seen)
        {
            seen.AddRange(copy);
        }
    }

    private static async Task Run(List<string> seen, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (Exception ex)
        {
            lock (seen)
            {
                seen.Add(ex.ToString());
            }
        }
    }

    private static ActivityListener ListenToSpans(List<string> seen)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Specter", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (seen)
                {
                    seen.Add(a.DisplayName + " " + a.StatusDescription);
                    seen.AddRange(a.TagObjects.Select(t => t.Key + "=" + t.Value));
                    seen.AddRange(a.Events.SelectMany(e => e.Tags.Select(t => e.Name + " " + t.Key + "=" + t.Value)));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener ListenToMetrics(List<string> seen)
    {
        var listener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name.StartsWith("Specter", StringComparison.Ordinal)) l.EnableMeasurementEvents(i); } };
        void Record<T>(Instrument i, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var text = new StringBuilder(i.Name);
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            lock (seen)
            {
                seen.Add(text.ToString());
            }
        }

        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.SetMeasurementEventCallback<int>(Record);
        listener.Start();
        return listener;
    }

    /// <summary>Adds Klarna's customer fields, filled with recognisable personal data, to every order the simulator returns.</summary>
    private sealed class PersonalDataHandler : DelegatingHandler
    {
        private static int _served;

        public static int Served => Volatile.Read(ref _served);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode || request.RequestUri!.AbsolutePath.Contains("/captures", StringComparison.Ordinal))
            {
                return response;
            }

            var order = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            order["billing_address"] = Address("Ödegatan 17");
            order["shipping_address"] = Address("Bolagsvägen 3");
            order["customer"] = new JsonObject { ["date_of_birth"] = "1977-05-14", ["national_identification_number"] = "19770514-1234", ["type"] = "person" };
            order["merchant_reference2"] = "astrid.lindqvist@pii.example";
            var changed = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(order.ToJsonString(), Encoding.UTF8, "application/json"), RequestMessage = request };
            foreach (var header in response.Headers)
            {
                changed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            Interlocked.Increment(ref _served);
            return changed;
        }

        private static JsonObject Address(string street) => new()
        {
            ["given_name"] = "Astrid", ["family_name"] = "Lindqvist-Hostile", ["street_address"] = street, ["postal_code"] = "114 51",
            ["city"] = "Stockholm", ["country"] = "SE", ["email"] = "astrid.lindqvist@pii.example", ["phone"] = "+46701234567",
        };
    }
}
