using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>
/// The Klarna simulator's Kestrel server on 127.0.0.1, its merchant, a supply of fresh Klarna orders (one per invoice:
/// each capture needs an open reservation), and the raw-<see cref="HttpClient"/> baseline that makes the same two calls
/// as the library: GET the order, POST the same capture bytes with the same headers and a fresh idempotency key.
/// </summary>
/// <remarks>
/// The ERP order has a delivered line (250.00 SEK) and an undelivered one (100.00 SEK), so its invoice is a delivery
/// invoice that leaves part of the reservation open: the library makes exactly the two calls the baseline makes and no
/// release call.
/// </remarks>
internal sealed class LoopbackKlarna : IAsyncDisposable
{
    private const string Username = "PK_SE_user";
    private const string Password = "se-secret-password";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Queue<string> _fresh = new();
    private HttpClient _raw = null!;
    private AuthenticationHeaderValue _authorization = null!;
    private byte[] _captureBody = [];
    private long _sequence;

    public KlarnaSimulator Simulator { get; } = new KlarnaSimulator().AddMerchant(Username, Password);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the ERP order every invoice is made for (with a new order number and Klarna order id each time).</summary>
    public static InvoicingOrder Template { get; } = new()
    {
        OrderNumber = "T",
        Currency = "SEK",
        Merchant = BenchHost.Merchant,
        Lines =
        [
            new InvoicingOrderLine { LineId = "1", ArticleNumber = "STOL-1", Description = "Stol", Quantity = 1, DeliveredQuantity = 1, UnitPrice = 250.00m, VatRate = 25 },
            new InvoicingOrderLine { LineId = "2", ArticleNumber = "BORD-1", Description = "Bord", Quantity = 1, DeliveredQuantity = 0, UnitPrice = 100.00m, VatRate = 25 },
        ],
    };

    public async Task StartAsync()
    {
        BaseAddress = await Simulator.StartServerAsync().ConfigureAwait(false);
        _raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password)));
        var plan = InvoicePlanner.Plan(Template with { KlarnaOrderId = "k" }, [], new InvoicePlanRequest { InvoiceNumber = "F0000001" }).Plan!;
        _captureBody = KlarnaRequestBodies.Capture(CaptureRequestMapper.ToRequest(plan.Capture!));
    }

    /// <summary>Seeds Klarna orders (outside the measurement) until <paramref name="count"/> unused ones are waiting.</summary>
    public void EnsureFreshOrders(int count)
    {
        while (_fresh.Count < count)
        {
            _fresh.Enqueue(Simulator.SeedOrder(new SimulatedOrder
            {
                Merchant = Username,
                OrderAmount = 43_750,
                OrderLines =
                [
                    new SimulatedOrderLine { Name = "Stol", Reference = "STOL-1", UnitPrice = 31_250, TaxRate = 2500 },
                    new SimulatedOrderLine { Name = "Bord", Reference = "BORD-1", UnitPrice = 12_500, TaxRate = 2500 },
                ],
            }));
        }
    }

    /// <summary>Takes an unused Klarna order (seeding one inline only if the setup supplied too few).</summary>
    public string NextOrder()
    {
        if (_fresh.Count == 0)
        {
            EnsureFreshOrders(1);
        }

        return _fresh.Dequeue();
    }

    /// <summary>The next ERP order (new order number and Klarna order id) and a new invoice number.</summary>
    public (InvoicingOrder Order, string InvoiceNumber) NextInvoice()
    {
        var n = Interlocked.Increment(ref _sequence).ToString("D7", CultureInfo.InvariantCulture);
        return (Template with { OrderNumber = "O" + n, KlarnaOrderId = NextOrder() }, "F" + n);
    }

    /// <summary>The baseline: GET the order (body read), POST the pre-serialized capture with the library's headers.</summary>
    public async Task<string?> RawGetAndCaptureAsync(string klarnaOrderId)
    {
        var orderUri = new Uri(BaseAddress, "ordermanagement/v1/orders/" + klarnaOrderId);
        using (var get = NewRequest(HttpMethod.Get, orderUri))
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
        return response.Headers.TryGetValues("Capture-Id", out var values) ? values.FirstOrDefault() : null;
    }

    public async ValueTask DisposeAsync()
    {
        _raw?.Dispose();
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", KlarnaAuthenticationHandler.UserAgent);
        return request;
    }
}
