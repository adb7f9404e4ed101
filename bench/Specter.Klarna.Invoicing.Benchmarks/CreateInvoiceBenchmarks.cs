using System.Globalization;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// One whole <see cref="IKlarnaInvoicing.CreateInvoiceAsync"/> for a fresh 10-line order (new order number, invoice number
/// and Klarna order id every invocation): validate, read the Klarna order, plan, record the intent in the in-memory
/// ledger with its idempotency key and body hash, capture, record the outcome.
/// </summary>
/// <remarks>
/// Baseline: the two HTTP calls the library necessarily makes, done with a raw <see cref="HttpClient"/> against the same
/// stub: GET the order (body read as a string) and POST the same pre-serialized capture body. The ratio is what
/// invoicing costs over "just talking to Klarna".
/// </remarks>
[MemoryDiagnoser]
public class CreateInvoiceBenchmarks : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private StubKlarnaHandler _stub = null!;
    private RotatingLedger _ledger = null!;
    private ServiceProvider _services = null!;
    private IKlarnaInvoicing _invoicing = null!;
    private HttpClient _raw = null!;
    private Uri _orderUri = null!;
    private Uri _captureUri = null!;
    private InvoicingOrder _template = null!;
    private byte[] _body = [];
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _stub = new StubKlarnaHandler();
        _ledger = new RotatingLedger();
        _services = BenchHost.Build(_stub, _ledger);
        _invoicing = _services.GetRequiredService<IKlarnaInvoicing>();
        _raw = new HttpClient(_stub, disposeHandler: false);
        _orderUri = new Uri(BenchHost.BaseAddress, "ordermanagement/v1/orders/" + BenchHost.KlarnaOrderId);
        _captureUri = new Uri(BenchHost.BaseAddress, "ordermanagement/v1/orders/" + BenchHost.KlarnaOrderId + "/captures");
        _template = BenchOrders.Delivered(10);
        var plan = InvoicePlanner.Plan(_template, [], new InvoicePlanRequest { InvoiceNumber = "10045" }).Plan!;
        _body = KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!));
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient: GET order + POST capture")]
    public async Task<string?> RawHttpClient()
    {
        using (var get = new HttpRequestMessage(HttpMethod.Get, _orderUri))
        using (var order = await _raw.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false))
        {
            _ = await order.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _captureUri) { Content = new ReadOnlyMemoryContent(_body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("Klarna-Idempotency-Key", BenchHost.IdempotencyKey);
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
        return response.Headers.TryGetValues("Capture-Id", out var values) ? values.FirstOrDefault() : null;
    }

    [Benchmark(Description = "IKlarnaInvoicing.CreateInvoiceAsync (in-memory ledger)")]
    public async Task<InvoiceResult> LibraryCreateInvoice()
    {
        _ledger.Rotate();
        var n = (++_sequence).ToString(CultureInfo.InvariantCulture);
        var order = _template with { OrderNumber = "O" + n, KlarnaOrderId = "k" + n };
        var result = await _invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "F" + n }, CancellationToken.None).ConfigureAwait(false);
        if (result.Status.State != ActivationState.Activated)
        {
            throw new InvalidOperationException($"Invoice {result.Plan.InvoiceNumber} ended {result.Status.State}.");
        }

        return result;
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _raw?.Dispose();
        _services?.Dispose();
        _stub?.Dispose();
        GC.SuppressFinalize(this);
    }
}
