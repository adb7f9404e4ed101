using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>
/// One invoice over real sockets with the SQLite ledger (WAL, <c>synchronous = FULL</c>, a temporary file) holding
/// <see cref="LedgerSize"/> invoices, against the floor exactly-once cannot go below.
/// </summary>
/// <remarks>
/// Floor (baseline): the raw HTTP of <see cref="LoopbackCreateInvoiceBenchmarks"/> plus as many durable commits as the
/// library makes per invoice (counted in the setup: the intent before sending, the outcome after), each writing a row
/// the size of the library's ledger row, on the same database file. Target (issue #17): Ratio ≤ 1.15.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class LoopbackSqliteBenchmarks : IAsyncDisposable
{
    private const int Invocations = 32;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "specter-bench-" + Guid.NewGuid().ToString("N"));
    private LoopbackKlarna _klarna = null!;
    private ServiceProvider _services = null!;
    private IKlarnaInvoicing _invoicing = null!;
    private SqliteFloor _floor = null!;

    [Params(0, 100_000)]
    public int LedgerSize { get; set; }

    /// <summary>Gets the durable commits the library makes per invoice (counted in the setup).</summary>
    public int CommitsPerInvoice { get; private set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(_directory);
        string path = Path.Combine(_directory, "ledger.db");
        _klarna = new LoopbackKlarna();
        await _klarna.StartAsync().ConfigureAwait(false);
        var ledger = new SqliteKlarnaInvoiceLedger(path);
        await ledger.InitializeAsync().ConfigureAwait(false);
        _klarna.EnsureFreshOrders(3);

        // Count the writes of one invoice, then measure its row: the floor commits as often, as much.
        var counting = new CountingLedger(ledger);
        await using (var counted = BenchHost.Build(counting, _klarna.BaseAddress, primaryHandler: null))
        {
            var (order, number) = _klarna.NextInvoice();
            var result = await counted.GetRequiredService<IKlarnaInvoicing>().CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = number }).ConfigureAwait(false);
            if (result.Status.State != ActivationState.Activated)
            {
                throw new InvalidOperationException($"Setup invoice ended {result.Status.State}.");
            }

            CommitsPerInvoice = counting.Writes;
            await SqliteFloor.CopyRowAsync(path, number, LedgerSize).ConfigureAwait(false);
            _floor = await SqliteFloor.OpenAsync(path, await SqliteFloor.RowBytesAsync(path, number).ConfigureAwait(false)).ConfigureAwait(false);
        }

        Console.WriteLine($"// SQLite ledger: {CommitsPerInvoice} durable commits per invoice; ledger holds {LedgerSize + 1} invoices");
        _services = BenchHost.Build(ledger, _klarna.BaseAddress, primaryHandler: null);
        _invoicing = _services.GetRequiredService<IKlarnaInvoicing>();
        _ = await LibraryCreateInvoice().ConfigureAwait(false);
        _ = await Floor().ConfigureAwait(false);
    }

    [IterationSetup]
    public void SeedOrders() => _klarna.EnsureFreshOrders(Invocations);

    [Benchmark(Baseline = true, Description = "Floor: raw GET + POST capture + N durable commits (loopback)")]
    public async Task<string?> Floor()
    {
        string klarnaOrderId = _klarna.NextOrder();
        await _floor.CommitAsync().ConfigureAwait(false);
        var captureId = await _klarna.RawGetAndCaptureAsync(klarnaOrderId).ConfigureAwait(false);
        for (int i = 1; i < CommitsPerInvoice; i++)
        {
            await _floor.CommitAsync().ConfigureAwait(false);
        }

        return captureId;
    }

    [Benchmark(Description = "CreateInvoiceAsync, SQLite ledger (loopback)")]
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
        if (_floor is not null)
        {
            await _floor.DisposeAsync().ConfigureAwait(false);
        }

        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        if (_klarna is not null)
        {
            await _klarna.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
