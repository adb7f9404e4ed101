using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.HealthChecks.Tests;

public sealed class KlarnaInvoicingHealthChecksTests : IAsyncLifetime
{
    private const string Username = "PK_health";
    private const string Password = "health-secret";

    private readonly KlarnaSimulator _klarna = new KlarnaSimulator().AddMerchant(Username, Password);
    private Uri _baseUrl = null!;

    public async Task InitializeAsync() => _baseUrl = await _klarna.StartServerAsync();

    public async Task DisposeAsync() => await _klarna.DisposeAsync();

    [Fact]
    public async Task EmptyLedger_AllHealthy_KlarnaCheckOnlyWhenAskedFor()
    {
        var report = await HealthCheckHost.CheckAsync(new InMemoryKlarnaInvoiceLedger(), Merchant("SE"));

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Entries.Keys.Should().BeEquivalentTo(
            KlarnaInvoicingHealthChecksBuilderExtensions.LedgerCheckName, KlarnaInvoicingHealthChecksBuilderExtensions.ActivationsCheckName);
        report.Entries.Values.Should().AllSatisfy(e => e.Tags.Should().Contain("klarna-invoicing"));
        _klarna.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task FailingLedger_LedgerAndActivationsUnhealthy_WithTheException()
    {
        var ledger = new FailingLedger();

        var report = await HealthCheckHost.CheckAsync(ledger, Merchant("SE"));

        report.Status.Should().Be(HealthStatus.Unhealthy);
        var entry = report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.LedgerCheckName];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("cannot be read").And.Contain("IOException");
        entry.Exception.Should().BeOfType<IOException>();
        report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.ActivationsCheckName].Status.Should().Be(HealthStatus.Unhealthy);
        ledger.Calls.Should().Be(2);
    }

    [Fact]
    public async Task UnknownActivation_HealthyWithinTheThreshold_DegradedAfter_NamingTheOldest()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await CreateUnknownAsync(ledger, "H-1", "5001");
        await CreateUnknownAsync(ledger, "H-2", "5002");
        var created = (await ledger.FindAsync("5001"))!.UpdatedAt;
        var justBefore = new FakeTimeProvider(created + TimeSpan.FromMinutes(14));
        var after = new FakeTimeProvider((await ledger.FindAsync("5002"))!.UpdatedAt + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        var fresh = await HealthCheckHost.CheckAsync(ledger, Merchant("SE"), time: justBefore);
        var stale = await HealthCheckHost.CheckAsync(ledger, Merchant("SE"), time: after);

        var freshEntry = fresh.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.ActivationsCheckName];
        freshEntry.Status.Should().Be(HealthStatus.Healthy, freshEntry.Description);
        freshEntry.Data["unsettled"].Should().Be(2);
        var staleEntry = stale.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.ActivationsCheckName];
        staleEntry.Status.Should().Be(HealthStatus.Degraded);
        staleEntry.Data["stale"].Should().Be(2);
        staleEntry.Data["oldestInvoiceNumber"].Should().Be("5001");
        staleEntry.Data["oldestState"].Should().Be("Unknown");
        staleEntry.Description.Should().Contain("2 activation(s)").And.Contain("invoice 5001");
        stale.Status.Should().Be(HealthStatus.Degraded, "the ledger itself still answers");
    }

    [Fact]
    public async Task Threshold_IsConfigurable()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await CreateUnknownAsync(ledger, "H-3", "5003");
        var at = new FakeTimeProvider((await ledger.FindAsync("5003"))!.UpdatedAt + TimeSpan.FromMinutes(3));

        var report = await HealthCheckHost.CheckAsync(ledger, Merchant("SE"), o => o.UnsettledThreshold = TimeSpan.FromMinutes(2), at);

        report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.ActivationsCheckName].Status.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public async Task KlarnaCheck_PerMerchant_ReachableOrCredentialsRefused()
    {
        var report = await HealthCheckHost.CheckAsync(
            new InMemoryKlarnaInvoiceLedger(),
            o =>
            {
                o.Merchants["SE"] = new KlarnaMerchantOptions { BaseAddress = _baseUrl, Username = Username, Password = Password };
                o.Merchants["NO"] = new KlarnaMerchantOptions { BaseAddress = _baseUrl, Username = Username, Password = "wrong-secret" };
            },
            o => o.CheckKlarna = true);

        var entry = report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.KlarnaCheckName];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Data["SE"].Should().Be("reachable");
        entry.Data["NO"].Should().Be("credentials refused (HTTP 401)");
        entry.Description.Should().NotContain("wrong-secret").And.NotContain(Password);
    }

    [Fact]
    public async Task KlarnaCheck_AllReachable_Healthy_OneReadPerMerchant()
    {
        var report = await HealthCheckHost.CheckAsync(new InMemoryKlarnaInvoiceLedger(), Merchant("SE"), o => o.CheckKlarna = true);

        report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.KlarnaCheckName].Status.Should().Be(HealthStatus.Healthy);
        _klarna.ReceivedRequests.Should().ContainSingle().Which.Operation.Should().Be(SimulatedOperation.GetOrder);
    }

    [Fact]
    public async Task KlarnaCheck_Klarna5xx_Unreachable()
    {
        _klarna.InjectFault(SimulatedFault.FailBeforeApplying().OnOperation(SimulatedOperation.GetOrder).Always());

        var report = await HealthCheckHost.CheckAsync(new InMemoryKlarnaInvoiceLedger(), Merchant("SE"), o => o.CheckKlarna = true);

        var entry = report.Entries[KlarnaInvoicingHealthChecksBuilderExtensions.KlarnaCheckName];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        ((string)entry.Data["SE"]).Should().StartWith("unreachable (HTTP 503");
    }

    [Fact]
    public void ThresholdMustBePositive()
    {
        var act = () => new ServiceCollection().AddHealthChecks().AddKlarnaInvoicingHealthChecks(o => o.UnsettledThreshold = TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private Action<KlarnaInvoicingOptions> Merchant(string name) =>
        o => o.Merchants[name] = new KlarnaMerchantOptions { BaseAddress = _baseUrl, Username = Username, Password = Password };

    /// <summary>Invoices an order whose capture answer is lost: the ledger holds the invoice as Unknown.</summary>
    private async Task CreateUnknownAsync(IKlarnaInvoiceLedger ledger, string orderNumber, string invoiceNumber)
    {
        string id = _klarna.SeedOrder(new SimulatedOrder
        {
            Currency = "SEK",
            OrderAmount = 10_000,
            OrderLines = [new SimulatedOrderLine { Name = "Stol", Quantity = 1, UnitPrice = 10_000 }],
        });
        var fault = _klarna.InjectFault(SimulatedFault.LoseResponseAfterApplying().OnOperation(SimulatedOperation.CreateCapture).When(r => r.OrderId == id).Always());
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            Merchant("SE")(o);
        }).AddLedger(_ => ledger);
        await using var provider = services.BuildServiceProvider();
        var result = await provider.GetRequiredService<IKlarnaInvoicing>().CreateInvoiceAsync(
            new InvoicingOrder
            {
                OrderNumber = orderNumber,
                Currency = "SEK",
                PricesIncludeVat = true,
                KlarnaOrderId = id,
                Lines = [new InvoicingOrderLine { LineId = "1", Description = "Stol", Quantity = 1, DeliveredQuantity = 1, UnitPrice = 100m, VatRate = 25 }],
            },
            new CreateInvoiceRequest { InvoiceNumber = invoiceNumber });
        result.Status.State.Should().Be(ActivationState.Unknown);
        fault.TimesTriggered.Should().BeGreaterThan(0);
    }
}
