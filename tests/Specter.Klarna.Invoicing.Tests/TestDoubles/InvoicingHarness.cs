using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>The library wired to the Klarna simulator in-process, with an inspectable ledger.</summary>
internal sealed class InvoicingHarness : IAsyncDisposable
{
    public const string Merchant = "SE";
    public const string Username = "PK_SE_user";
    public const string Password = "se-secret-password";

    /// <summary>Past every wait the library observes before it acts again on an open outcome: the grace period, Klarna's first retry delays and the in-flight bound.</summary>
    public static readonly TimeSpan Later = TimeSpan.FromMinutes(10);

    private readonly bool _ownsKlarna;

    private InvoicingHarness(KlarnaSimulator klarna, IKlarnaInvoiceLedger ledger, ServiceProvider services, ShiftableClock clock, bool ownsKlarna)
    {
        Klarna = klarna;
        Ledger = ledger;
        Services = services;
        Clock = clock;
        _ownsKlarna = ownsKlarna;
    }

    /// <summary>Gets the clock the library reads; <see cref="ShiftableClock.Advance"/> moves it forward.</summary>
    public ShiftableClock Clock { get; }

    public KlarnaSimulator Klarna { get; }

    public IKlarnaInvoiceLedger Ledger { get; }

    public ServiceProvider Services { get; }

    public IKlarnaInvoicing Invoicing => Services.GetRequiredService<IKlarnaInvoicing>();

    public static InvoicingHarness Create(
        Action<KlarnaInvoicingOptions>? configure = null,
        IKlarnaInvoiceLedger? ledger = null,
        KlarnaSimulatorOptions? simulatorOptions = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null,
        Action<IServiceCollection>? configureServices = null,
        Action<IHttpClientBuilder>? configureHttpClient = null,
        InvoicingHarness? sameKlarnaLedgerAndClockAs = null)
    {
        var klarna = sameKlarnaLedgerAndClockAs?.Klarna ?? new KlarnaSimulator(simulatorOptions ?? new KlarnaSimulatorOptions()).AddMerchant(Username, Password);
        ledger ??= sameKlarnaLedgerAndClockAs?.Ledger ?? new InMemoryKlarnaInvoiceLedger();
        var services = new ServiceCollection();
        var clock = sameKlarnaLedgerAndClockAs?.Clock ?? new ShiftableClock();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging();
        configureServices?.Invoke(services);
        services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = Guid.Parse("6f1c2a57-93a4-4f0e-8d3b-2a9f3c1d7e55");
                o.Merchants[Merchant] = new KlarnaMerchantOptions
                {
                    BaseAddress = new Uri("http://127.0.0.1:5999/"),
                    Username = Username,
                    Password = Password,
                    AllowPrepaymentCapture = true,
                };
                configure?.Invoke(o);
            })
            .AddLedger(_ => ledger)
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => wrapHandler is null ? klarna.CreateHandler() : wrapHandler(klarna.CreateHandler()));
        configureHttpClient?.Invoke(services.AddKlarnaInvoicing(_ => { }).HttpClient);
        return new InvoicingHarness(klarna, ledger, services.BuildServiceProvider(validateScopes: true), clock, ownsKlarna: sameKlarnaLedgerAndClockAs is null);
    }

    /// <summary>Seeds a Klarna reservation for the ERP order's full total (or <paramref name="authorizedAmount"/>), and returns the order with its Klarna order id.</summary>
    public InvoicingOrder Reserve(InvoicingOrder order, long? authorizedAmount = null, string status = "AUTHORIZED", string fraudStatus = "ACCEPTED", DateTimeOffset? expiresAt = null, string paymentMethod = "INVOICE", string country = "SE")
    {
        long total = OrderTotal(order).MinorUnits;
        var id = Klarna.SeedOrder(new SimulatedOrder
        {
            Currency = order.Currency,
            OrderAmount = authorizedAmount ?? total,
            OrderLines = [new SimulatedOrderLine { Name = "Order " + order.OrderNumber, Reference = order.OrderNumber, Quantity = 1, UnitPrice = authorizedAmount ?? total, TaxRate = 0 }],
            Status = status,
            FraudStatus = fraudStatus,
            ExpiresAt = expiresAt,
            MerchantReference1 = order.OrderNumber,
            PaymentMethod = paymentMethod,
            Country = country,
        });
        return order with { KlarnaOrderId = id, Merchant = Merchant };
    }

    /// <summary>The order's total including VAT, as the planner computes it for an undelivered final invoice.</summary>
    public static Money OrderTotal(InvoicingOrder order)
    {
        var undelivered = order with { KlarnaOrderId = null, Lines = order.Lines.Select(l => l with { DeliveredQuantity = 0 }).ToList() };
        var outcome = InvoicePlanner.Plan(undelivered, [], new InvoicePlanRequest { InvoiceNumber = "TOTAL", Type = InvoiceType.Final });
        return outcome.Plan!.Total;
    }

    /// <summary>Moves the clock past every wait the library observes (<see cref="Later"/>), then runs recovery.</summary>
    public Task<RecoveryReport> RecoverLaterAsync()
    {
        Clock.Advance(Later);
        return Invoicing.RecoverAsync();
    }

    /// <summary>Asserts the money invariant: what Klarna captured equals the sum of the ledger's activated invoices.</summary>
    public async Task AssertKlarnaMatchesLedgerAsync(InvoicingOrder order)
    {
        var snapshot = Klarna.GetOrder(order.KlarnaOrderId!);
        var rows = await Ledger.GetByOrderAsync(order.OrderNumber);
        var invoices = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice).ToList();
        long refunded = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Credit && r.State == ActivationState.Activated).Sum(r => r.Plan.Capture!.CapturedAmount.MinorUnits);
        snapshot.RefundedAmount.Should().Be(refunded, "Klarna's refunded amount equals the ledger's refunded credit invoices");
        snapshot.Captures.Where(c => c.RefundedAmount > c.CapturedAmount).Should().BeEmpty("no capture is refunded beyond what it captured");
        long activated = invoices.Where(i => i.State == ActivationState.Activated).Sum(i => i.Plan.Capture!.CapturedAmount.MinorUnits);
        snapshot.CapturedAmount.Should().Be(activated, "Klarna's captured amount equals the ledger's activated invoices");
        foreach (var invoice in invoices.Where(i => i.State == ActivationState.Activated))
        {
            var capture = Klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, invoice.InvoiceNumber);
            capture.CapturedAmount.Should().Be(invoice.Plan.Capture!.CapturedAmount.MinorUnits);
            capture.CaptureId.Should().Be(invoice.CaptureId);
        }

        snapshot.Captures.Count.Should().Be(invoices.Count(i => i.State == ActivationState.Activated), "no capture exists without an activated invoice");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsKlarna)
        {
            await Klarna.DisposeAsync();
        }
    }
}
