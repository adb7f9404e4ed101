using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>
/// One invoice over real sockets: <see cref="IKlarnaInvoicing.CreateInvoiceAsync"/> with the in-memory ledger against the
/// simulator's Kestrel server on 127.0.0.1, with <see cref="LedgerSize"/> invoices already in the ledger.
/// </summary>
/// <remarks>
/// Baseline: only the unavoidable, raw <see cref="HttpClient"/> GET of the Klarna order and POST of the same capture
/// bytes with the same headers, to the same server (see <see cref="LoopbackKlarna"/>). Each invocation uses a fresh
/// Klarna order, seeded before the iteration. Target (issue #17): Ratio ≤ 1.15, ≤ 8 KB more allocated, flat in the size.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class LoopbackCreateInvoiceBenchmarks : IAsyncDisposable
{
    private const int Invocations = 128;
    private LoopbackKlarna _klarna = null!;
    private ServiceProvider _services = null!;
    private IKlarnaInvoicing _invoicing = null!;

    [Params(0, 100_000)]
    public int LedgerSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _klarna = new LoopbackKlarna();
        await _klarna.StartAsync().ConfigureAwait(false);
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await LedgerFill.AddSettledAsync(ledger, LedgerSize).ConfigureAwait(false);
        _services = BenchHost.Build(ledger, _klarna.BaseAddress, primaryHandler: null);
        _invoicing = _services.GetRequiredService<IKlarnaInvoicing>();
        _klarna.EnsureFreshOrders(2);
        _ = await LibraryCreateInvoice().ConfigureAwait(false);
        _ = await RawHttpClient().ConfigureAwait(false);
    }

    [IterationSetup]
    public void SeedOrders() => _klarna.EnsureFreshOrders(Invocations);

    [Benchmark(Baseline = true, Description = "Raw HttpClient: GET order + POST capture (loopback)")]
    public Task<string?> RawHttpClient() => _klarna.RawGetAndCaptureAsync(_klarna.NextOrder());

    [Benchmark(Description = "CreateInvoiceAsync, in-memory ledger (loopback)")]
    public async Task<InvoiceResult> LibraryCreateInvoice()
    {
        var (order, invoiceNumber) = _klarna.NextInvoice();
        var result = await _invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = invoiceNumber }).ConfigureAwait(false);
        return result.Status.State == ActivationState.Activated
            ? result
            : throw new InvalidOperationException($"Invoice {invoiceNumber} ended {result.Status.State}: {result.Status.GetTooltip()}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        if (_klarna is not null)
        {
            await _klarna.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
