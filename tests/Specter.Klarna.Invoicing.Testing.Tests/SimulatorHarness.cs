using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Specter.Klarna.Invoicing.Testing.Tests;

/// <summary>A simulator with one merchant, a fake clock and a client over the handler (or the server).</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Merchant = "PK_merchant";
    public const string Password = "s3cret-password";
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private SimulatorHarness(KlarnaSimulator simulator, FakeTimeProvider time, HttpClient client)
    {
        Simulator = simulator;
        Time = time;
        Client = client;
    }

    public KlarnaSimulator Simulator { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static async Task<SimulatorHarness> CreateAsync(bool useServer = false, Action<KlarnaSimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new KlarnaSimulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        var simulator = new KlarnaSimulator(options).AddMerchant(Merchant, Password).AddMerchant("other", "other-password");
        HttpClient client;
        if (useServer)
        {
            client = new HttpClient { BaseAddress = await simulator.StartServerAsync() };
        }
        else
        {
            client = new HttpClient(simulator.CreateHandler()) { BaseAddress = new Uri("https://api.playground.klarna.com/") };
        }

        client.DefaultRequestHeaders.Authorization = Basic(Merchant, Password);
        return new SimulatorHarness(simulator, time, client);
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public string SeedOrder(long amount = 10000, string? merchant = Merchant) => Simulator.SeedOrder(new SimulatedOrder
    {
        Merchant = merchant,
        OrderLines = [new SimulatedOrderLine { Name = "Widget", Reference = "W-1", Quantity = 1, UnitPrice = amount, TaxRate = 2500 }],
    });

    public Task<HttpResponseMessage> CaptureAsync(string orderId, long amount, string? key = null, string? reference = null) =>
        SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/captures", $$"""{"captured_amount":{{amount}},"reference":"{{reference ?? "INV-1"}}"}""", key);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? key = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("Klarna-Idempotency-Key", key);
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
