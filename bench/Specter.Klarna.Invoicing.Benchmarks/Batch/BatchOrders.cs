using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>
/// An end-of-day batch: ERP orders of one article bought <see cref="InvoicesPerOrder"/> times and delivered one at a
/// time, so each order gets that many delivery invoices, one after another (invoices of one Klarna order never overlap:
/// the ledger allows one unsettled capture per Klarna order). Also the raw-<see cref="HttpClient"/> half of the floor.
/// </summary>
internal sealed class BatchOrders : IDisposable
{
    public const string Username = "PK_SE_user";
    public const string Password = "se-secret-password";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _raw = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 256 });
    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password)));
    private readonly byte[] _captureBody;
    private long _orders;

    public BatchOrders(KlarnaSimulator simulator, Uri baseAddress, int invoicesPerOrder)
    {
        Simulator = simulator;
        BaseAddress = baseAddress;
        InvoicesPerOrder = invoicesPerOrder;
        var first = Order("x", "k", delivered: 1);
        _captureBody = KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(InvoicePlanner.Plan(first, [], new InvoicePlanRequest { InvoiceNumber = "x-1" }).Plan!.Capture!));
    }

    public KlarnaSimulator Simulator { get; }

    public Uri BaseAddress { get; }

    public int InvoicesPerOrder { get; }

    /// <summary>The ERP order <paramref name="orderNumber"/> with <paramref name="delivered"/> of its units delivered.</summary>
    public InvoicingOrder Order(string orderNumber, string klarnaOrderId, int delivered) => Order(InvoicesPerOrder, orderNumber, klarnaOrderId, delivered);

    /// <summary>The ERP order of <paramref name="units"/> units, <paramref name="delivered"/> of them delivered.</summary>
    public static InvoicingOrder Order(int units, string orderNumber, string klarnaOrderId, int delivered) => new()
    {
        OrderNumber = orderNumber,
        KlarnaOrderId = klarnaOrderId,
        Currency = "SEK",
        PricesIncludeVat = true,
        Merchant = BenchHost.Merchant,
        Lines =
        [
            new InvoicingOrderLine { LineId = "1", ArticleNumber = "STOL-1", Description = "Stol", Quantity = units, DeliveredQuantity = delivered, UnitPrice = 250.00m, VatRate = 25 },
        ],
    };

    /// <summary>Seeds (outside any measurement) <paramref name="count"/> fresh Klarna orders: (ERP order number, Klarna order id).</summary>
    public List<(string OrderNumber, string KlarnaOrderId)> Seed(int count)
    {
        var seeded = new List<(string, string)>(count);
        for (int i = 0; i < count; i++)
        {
            string klarnaOrderId = Simulator.SeedOrder(new SimulatedOrder
            {
                Merchant = Username,
                OrderAmount = 25_000L * InvoicesPerOrder,
                OrderLines = [new SimulatedOrderLine { Name = "Stol", Reference = "STOL-1", Quantity = InvoicesPerOrder, UnitPrice = 25_000, TaxRate = 2500 }],
            });
            seeded.Add(("B" + Interlocked.Increment(ref _orders).ToString("D7", CultureInfo.InvariantCulture), klarnaOrderId));
        }

        return seeded;
    }

    /// <summary>The raw HTTP of one invoice: GET the order (body read), POST the pre-serialized one-unit capture with the library's headers.</summary>
    public async Task RawGetAndCaptureAsync(string klarnaOrderId)
    {
        using (var get = NewRequest(HttpMethod.Get, new Uri(BaseAddress, "ordermanagement/v1/orders/" + klarnaOrderId)))
        using (var order = await _raw.SendAsync(get, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
        {
            order.EnsureSuccessStatusCode();
            _ = await order.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

        using var post = NewRequest(HttpMethod.Post, new Uri(BaseAddress, "ordermanagement/v1/orders/" + klarnaOrderId + "/captures"));
        post.Content = new ReadOnlyMemoryContent(_captureBody);
        post.Content.Headers.ContentType = Json;
        post.Headers.TryAddWithoutValidation(KlarnaHttp.IdempotencyKeyHeader, Guid.NewGuid().ToString());
        using var response = await _raw.SendAsync(post, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _raw.Dispose();

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", KlarnaAuthenticationHandler.UserAgent);
        return request;
    }
}
