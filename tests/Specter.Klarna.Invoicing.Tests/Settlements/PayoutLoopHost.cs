using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>
/// The library with payment marking wired to the simulator, in-process or over its loopback server: Klarna fees of
/// 2.99 % + 3.00 SEK with 25 % VAT (the rates of the worked example in docs/payment-marking.md).
/// </summary>
internal sealed class PayoutLoopHost : IAsyncDisposable
{
    public const string Merchant = "SE";
    private const string Username = "PK_SE_payouts";
    private const string Password = "se-payouts-password";

    private PayoutLoopHost(KlarnaSimulator klarna, ServiceProvider services, ShiftableClock clock)
    {
        Klarna = klarna;
        Services = services;
        Clock = clock;
    }

    public KlarnaSimulator Klarna { get; }

    public ServiceProvider Services { get; }

    public ShiftableClock Clock { get; }

    public IKlarnaInvoicing Invoicing => Services.GetRequiredService<IKlarnaInvoicing>();

    public IKlarnaPaymentMarking Marking => Services.GetRequiredService<IKlarnaPaymentMarking>();

    public static async Task<PayoutLoopHost> CreateAsync(bool loopback = false, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        var klarna = new KlarnaSimulator(new KlarnaSimulatorOptions { PayoutFeeRate = 299, PayoutFixedFee = 300, PayoutFeeVatRate = 2500 }).AddMerchant(Username, Password);
        var baseAddress = loopback ? await klarna.StartServerAsync() : new Uri("http://127.0.0.1:5999/");
        var clock = new ShiftableClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        var builder = services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("0b7c51f4-2e8d-4c39-9a57-61d3f0e2a8c4");
                o.Merchants[Merchant] = new KlarnaMerchantOptions { BaseAddress = baseAddress, Username = Username, Password = Password };
            })
            .UseInMemoryLedger()
            .AddPaymentMarking(o => o.UnpaidAfter = TimeSpan.FromDays(10));
        if (!loopback)
        {
            builder.HttpClient.ConfigurePrimaryHttpMessageHandler(() => wrapHandler is null ? klarna.CreateHandler() : wrapHandler(klarna.CreateHandler())); // in-process: no port
        }

        return new PayoutLoopHost(klarna, services.BuildServiceProvider(validateScopes: true), clock);
    }

    /// <summary>Seeds a Klarna reservation for the order's total and returns the order with its Klarna order id.</summary>
    public InvoicingOrder Reserve(InvoicingOrder order)
    {
        long total = InvoicingHarness.OrderTotal(order).MinorUnits;
        var id = Klarna.SeedOrder(new SimulatedOrder
        {
            Currency = order.Currency,
            OrderLines = [new SimulatedOrderLine { Name = "Order " + order.OrderNumber, Reference = order.OrderNumber, Quantity = 1, UnitPrice = total, TaxRate = 0 }],
            MerchantReference1 = order.OrderNumber,
        });
        return order with { KlarnaOrderId = id, Merchant = Merchant };
    }

    /// <summary>A capture or refund made at Klarna by someone else (the merchant portal, another system): straight to the simulator.</summary>
    public async Task PostAsync(string path, string json)
    {
        using var client = new HttpClient(Klarna.CreateHandler()) { BaseAddress = new Uri("http://127.0.0.1:5999/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password)));
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Klarna.DisposeAsync();
    }
}
