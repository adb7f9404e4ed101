using Specter.Klarna.Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Tests.TestDoubles;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// The world every bad input is tried against: a simulator that records every request, a counting ledger holding one
/// activated (locked) invoice, and a second reserved order nothing has been invoiced on yet.
/// </summary>
internal sealed class BadInputScene : IAsyncDisposable
{
    public const string LockedInvoice = "LOCK-1";

    private BadInputScene(InvoicingHarness harness, CountingLedger ledger, InvoicingOrder locked, InvoicingOrder open)
    {
        Harness = harness;
        Ledger = ledger;
        LockedOrder = locked;
        OpenOrder = open;
    }

    public InvoicingHarness Harness { get; }

    public CountingLedger Ledger { get; }

    /// <summary>Fully invoiced: <see cref="LockedInvoice"/> is activated on it.</summary>
    public InvoicingOrder LockedOrder { get; }

    /// <summary>Reserved at Klarna, nothing invoiced: a valid order the bad inputs are variations of.</summary>
    public InvoicingOrder OpenOrder { get; }

    public IKlarnaInvoicing Invoicing => Harness.Invoicing;

    public int Requests => Harness.Klarna.ReceivedRequests.Count;

    public static async Task<BadInputScene> CreateAsync()
    {
        var ledger = new CountingLedger(new InMemoryKlarnaInvoiceLedger());
        var harness = InvoicingHarness.Create(ledger: ledger);
        var locked = harness.Reserve(SampleOrders.Simple("300001"));
        var result = await harness.Invoicing.CreateInvoiceAsync(locked, new CreateInvoiceRequest { InvoiceNumber = LockedInvoice });
        result.Status.State.Should().Be(ActivationState.Activated, "the scene needs a locked invoice");
        var open = harness.Reserve(SampleOrders.Simple("300002"));
        return new BadInputScene(harness, ledger, locked, open);
    }

    public Task<string> SnapshotAsync() => Ledger.SnapshotAsync(LockedOrder.OrderNumber, OpenOrder.OrderNumber);

    /// <summary>The open order with its first line changed.</summary>
    public InvoicingOrder WithLine(Func<InvoicingOrderLine, InvoicingOrderLine> change) =>
        OpenOrder with { Lines = [change(OpenOrder.Lines[0]), .. OpenOrder.Lines.Skip(1)] };

    public Task Create(InvoicingOrder order, string invoiceNumber = "BAD-1", InvoiceType? type = null, decimal? percent = null) =>
        Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = invoiceNumber, Type = type, PrepaymentPercent = percent });

    /// <summary>The open order as JSON, hand-written so each bad input changes one thing; <paramref name="line"/> replaces the line's fields.</summary>
    public string Json(string? line = null, string? head = null) =>
        $$"""{ {{head}}"orderNumber": "{{OpenOrder.OrderNumber}}", "currency": "SEK", "pricesIncludeVat": true, "klarnaOrderId": "{{OpenOrder.KlarnaOrderId}}", "merchant": "{{InvoicingHarness.Merchant}}", "lines": [ { {{line ?? "\"lineId\": \"1\", \"description\": \"Stol\", \"quantity\": 4, \"unitPrice\": 1234.50, \"vatRate\": 25"}} } ] }""";

    /// <summary>Parses the JSON and, if it were accepted, would invoice it.</summary>
    public Task ParseAndCreate(string json) => Create(InvoicingOrderJson.Parse(json));

    /// <summary>Builds a host with the given options over the same simulator and ledger, then makes one read call.</summary>
    public async Task WithOptions(Action<KlarnaInvoicingOptions> configure, Action<KlarnaTimeoutOptions>? timeouts = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.Parse("0f4e1f0c-55d1-4a52-9a57-0c0ffee00001");
            o.Merchants[InvoicingHarness.Merchant] = new KlarnaMerchantOptions
            {
                BaseAddress = new Uri("http://127.0.0.1:5999/"),
                Username = InvoicingHarness.Username,
                Password = InvoicingHarness.Password,
            };
            configure(o);
        }).AddLedger(_ => Ledger);
        builder.HttpClient.ConfigurePrimaryHttpMessageHandler(() => Harness.Klarna.CreateHandler());
        if (timeouts is not null)
        {
            builder.HttpClient.ConfigureKlarnaTimeouts(timeouts);
        }

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IKlarnaInvoicing>().GetKlarnaOrderAsync(null, OpenOrder.KlarnaOrderId!);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
