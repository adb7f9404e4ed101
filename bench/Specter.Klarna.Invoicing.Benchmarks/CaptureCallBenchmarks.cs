using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// The overhead of one create-capture call through the library's client (URI and header building, Basic auth handler,
/// the resilience pipeline, the per-merchant rate limiter, response mapping, logging without sinks, metrics/activity
/// without listeners) over a raw <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// of the same pre-serialized body to the same in-memory stub.
/// </summary>
[MemoryDiagnoser]
public class CaptureCallBenchmarks : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private StubKlarnaHandler _stub = null!;
    private ServiceProvider _services = null!;
    private IKlarnaOrderManagementClient _client = null!;
    private HttpClient _raw = null!;
    private Uri _captureUri = null!;
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _stub = new StubKlarnaHandler();
        _services = BenchHost.Build(_stub, new InMemoryKlarnaInvoiceLedger());
        _client = _services.GetRequiredService<IKlarnaOrderManagementClient>();
        _raw = new HttpClient(_stub, disposeHandler: false);
        _captureUri = new Uri(BenchHost.BaseAddress, "ordermanagement/v1/orders/" + BenchHost.KlarnaOrderId + "/captures");
        var plan = InvoicePlanner.Plan(BenchOrders.Delivered(10), [], new InvoicePlanRequest { InvoiceNumber = "10045" }).Plan!;
        _body = KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!));
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient.SendAsync (same body, same stub)")]
    public async Task<string?> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _captureUri) { Content = new ReadOnlyMemoryContent(_body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("Klarna-Idempotency-Key", BenchHost.IdempotencyKey);
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
        return response.Headers.TryGetValues("Capture-Id", out var values) ? values.FirstOrDefault() : null;
    }

    [Benchmark(Description = "IKlarnaOrderManagementClient.CreateCaptureAsync")]
    public async Task<string> LibraryCreateCapture()
    {
        var created = await _client.CreateCaptureAsync(BenchHost.Merchant, BenchHost.KlarnaOrderId, _body, BenchHost.IdempotencyKey, CancellationToken.None).ConfigureAwait(false);
        return created.Id;
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
