using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.DependencyInjection;

public sealed class AddKlarnaInvoicingTests
{
    private static void Valid(KlarnaInvoicingOptions o)
    {
        o.IdempotencyNamespace = Guid.NewGuid();
        o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" };
    }

    [Fact]
    public void AddKlarnaInvoicing_WithLedger_ResolvesTheService()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(Valid).UseInMemoryLedger();
        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<IKlarnaInvoicing>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<IKlarnaInvoiceLedger>().Should().BeOfType<InMemoryKlarnaInvoiceLedger>();
    }

    [Fact]
    public void AddKlarnaInvoicing_MissingIdempotencyNamespace_FailsValidationNamingTheOption()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o => o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" }).UseInMemoryLedger();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(nameof(KlarnaInvoicingOptions.IdempotencyNamespace));
    }

    [Fact]
    public void AddKlarnaInvoicing_CalledTwice_RegistersOneServiceAndOneValidator()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(Valid);
        services.AddKlarnaInvoicing(o => o.ExpiryWarningDays = 3).UseInMemoryLedger();

        services.Count(d => d.ServiceType == typeof(IKlarnaInvoicing)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<KlarnaInvoicingOptions>) && d.ImplementationType?.Name == "InvoicingOptionsValidator").Should().Be(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value.ExpiryWarningDays.Should().Be(3);
    }

    [Fact]
    public void AddKlarnaInvoicing_FromConfiguration_BindsMerchantsAndOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Klarna:IdempotencyNamespace"] = "0e4f3f8e-6f55-4d1b-9a3c-1b2c3d4e5f60",
            ["Klarna:ExpiryWarningDays"] = "5",
            ["Klarna:Merchants:NO:Username"] = "PK_NO",
            ["Klarna:Merchants:NO:Password"] = "pw",
            ["Klarna:Merchants:NO:Environment"] = "Playground",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(configuration.GetSection("Klarna")).UseInMemoryLedger();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value;

        options.ExpiryWarningDays.Should().Be(5);
        options.Merchants["no"].Username.Should().Be("PK_NO");
    }

    [Fact]
    public void Options_Defaults_ArePinned()
    {
        var options = new KlarnaInvoicingOptions();

        options.ShippingPolicy.Should().Be(ShippingPolicy.FirstInvoice);
        options.ReleaseRemainingAuthorizationAfterLastInvoice.Should().BeTrue();
        options.ExpiryWarningDays.Should().Be(7);
        options.IdempotencyKeyLifetime.Should().Be(TimeSpan.FromHours(23));
        options.RecoveryGracePeriod.Should().Be(TimeSpan.FromMinutes(2));
        options.IdempotencyNamespace.Should().Be(Guid.Empty);
    }

    [Fact]
    public void ConfigureKlarnaTimeouts_AttemptLongerThanTotal_FailsValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(Valid).UseInMemoryLedger().HttpClient
            .ConfigureKlarnaTimeouts(t => t.WriteAttemptTimeout = TimeSpan.FromMinutes(2));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptionsMonitor<KlarnaTimeoutOptions>>().Get("Specter.Klarna.Invoicing.OrderManagement");

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(nameof(KlarnaTimeoutOptions.TotalRequestTimeout));
    }
}
