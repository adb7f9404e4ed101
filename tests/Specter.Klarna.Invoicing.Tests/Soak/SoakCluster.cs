using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Specter.Klarna.Invoicing.ExactlyOnce.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// Three app servers: three service providers, each with its own ledger instance (its own connections) over one store,
/// its own HTTP pipeline and fault handler in front of one shared <see cref="KlarnaSimulator"/>, all on one <see cref="SoakClock"/>.
/// </summary>
internal sealed class SoakCluster : IAsyncDisposable
{
    public const int ServerCount = 3;
    public const string Merchant = "SE";
    private const string Username = "PK_SE_soak";
    private const string Password = "se-soak-password";

    private readonly List<IKlarnaInvoiceLedger> _ledgers;
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<MetricCollector<long>> _conflicts = [];

    private SoakCluster(SoakClock clock, KlarnaSimulator klarna, List<IKlarnaInvoiceLedger> ledgers)
    {
        Clock = clock;
        Gate = new SoakTimeGate(clock);
        Klarna = klarna;
        _ledgers = ledgers;
    }

    public SoakClock Clock { get; }

    public SoakTimeGate Gate { get; }

    public KlarnaSimulator Klarna { get; }

    public SoakFaults Faults { get; } = new();

    /// <summary>Gets the store as the test reads it (server 0's ledger instance, without the crash switch).</summary>
    public IKlarnaInvoiceLedger Ledger => _ledgers[0];

    public IReadOnlyList<IKlarnaInvoicing> Servers { get; private set; } = [];

    /// <summary>Builds the cluster; <paramref name="createLedger"/> is called once per server, each instance over the same store.</summary>
    public static async Task<SoakCluster> StartAsync(Func<Task<IKlarnaInvoiceLedger>> createLedger, ShippingPolicy shipping, int speedup)
    {
        var clock = new SoakClock(speedup);
        var klarna = new KlarnaSimulator(new KlarnaSimulatorOptions { TimeProvider = clock, AuthorizationPeriod = TimeSpan.FromDays(3650) }).AddMerchant(Username, Password);
        var ledgers = new List<IKlarnaInvoiceLedger>();
        for (int i = 0; i < ServerCount; i++)
        {
            ledgers.Add(await createLedger());
        }

        var cluster = new SoakCluster(clock, klarna, ledgers);
        var servers = new List<IKlarnaInvoicing>();
        foreach (var ledger in ledgers)
        {
            servers.Add(cluster.StartServer(new SoakCrashingLedger(ledger, cluster.Faults), shipping));
        }

        cluster.Servers = servers;
        return cluster;
    }

    /// <summary>Gets the engine's conflict counts over all servers, by kind (a "made_twice" is a double capture).</summary>
    public IReadOnlyDictionary<string, long> Conflicts() =>
        _conflicts.SelectMany(c => c.GetMeasurementSnapshot())
            .GroupBy(m => m.Tags.TryGetValue("kind", out var kind) ? kind?.ToString() ?? "?" : "?")
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value), StringComparer.Ordinal);

    /// <summary>Seeds a Klarna reservation for the order (authorized <paramref name="authorized"/>) and returns the order with its Klarna order id.</summary>
    public InvoicingOrder Reserve(InvoicingOrder order, long authorized)
    {
        var id = Klarna.SeedOrder(new SimulatedOrder
        {
            Currency = order.Currency,
            OrderAmount = authorized,
            OrderLines = [new SimulatedOrderLine { Name = "Order " + order.OrderNumber, Reference = order.OrderNumber, Quantity = 1, UnitPrice = authorized, TaxRate = 0 }],
            MerchantReference1 = order.OrderNumber,
        });
        return order with { KlarnaOrderId = id, Merchant = Merchant };
    }

    /// <summary>Reads Klarna's refunds of an order as the OM API shows them (GET order, the simulator's own wire answer): reference, amount, refund id.</summary>
    public async Task<IReadOnlyList<(string? Reference, long Amount, string RefundId)>> RefundsAsync(string klarnaOrderId)
    {
        using var client = new HttpClient(Klarna.CreateHandler()) { BaseAddress = new Uri("http://127.0.0.1:5999/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        using var response = await client.GetAsync(new Uri("ordermanagement/v1/orders/" + klarnaOrderId, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("refunds").EnumerateArray().Select(r => (
            r.TryGetProperty("reference", out var reference) ? reference.GetString() : null,
            r.GetProperty("refunded_amount").GetInt64(),
            r.GetProperty("refund_id").GetString()!))];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var collector in _conflicts)
        {
            collector.Dispose();
        }

        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        foreach (var ledger in _ledgers.OfType<IAsyncDisposable>())
        {
            await ledger.DisposeAsync();
        }

        await Klarna.DisposeAsync();
    }

    private IKlarnaInvoicing StartServer(IKlarnaInvoiceLedger ledger, ShippingPolicy shipping)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("0d5f8a3e-6b1c-4c2e-9f47-5a8e2b7d91c3");
                o.ShippingPolicy = shipping;
                o.Merchants[Merchant] = new KlarnaMerchantOptions
                {
                    BaseAddress = new Uri("http://127.0.0.1:5999/"),
                    Username = Username,
                    Password = Password,
                    AllowPrepaymentCapture = true,
                    RequestsPerSecond = 10_000, // the client's advisory limiter would otherwise pace the soak (429s are injected instead)
                };
            })
            .AddLedger(_ => ledger)
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => new SoakFaultHandler(Klarna.CreateHandler(), Faults));
        var provider = services.BuildServiceProvider(validateScopes: true);
        _providers.Add(provider);
        _conflicts.Add(new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), ExactlyOnceMetrics.MeterName, "klarna_invoicing.outcome_conflicts"));
        return provider.GetRequiredService<IKlarnaInvoicing>();
    }
}
