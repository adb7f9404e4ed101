using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Tests.ExactlyOnce;

/// <summary>Issue #10, hole 7: option combinations under which the engine could send twice are refused at start-up, naming both values.</summary>
public sealed class UnsafeOptionsTests
{
    [Theory]
    [InlineData("lifetime", "IdempotencyKeyLifetime (23:59:00)", "TotalRequestTimeout 00:01:05")]
    [InlineData("grace", "RecoveryGracePeriod (00:00:10)", "TotalRequestTimeout (00:01:05)")]
    [InlineData("http-timeout", "Timeout (00:00:30)", "TotalRequestTimeout (00:01:05)")]
    public void UnsafeCombination_IsRefusedAtStartUp_NamingBothValues(string which, string first, string second)
    {
        var services = new ServiceCollection().AddLogging();
        var builder = services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" };
            if (which == "lifetime")
            {
                o.IdempotencyKeyLifetime = TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59);
            }

            if (which == "grace")
            {
                o.RecoveryGracePeriod = TimeSpan.FromSeconds(10);
            }
        }).UseInMemoryLedger();
        if (which == "http-timeout")
        {
            builder.HttpClient.ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30));
        }

        using var provider = services.BuildServiceProvider();
        var act = () => provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value;

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain(first).And.Contain(second);
    }

    [Fact]
    public void Defaults_AreSafe()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" };
        }).UseInMemoryLedger();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value.IdempotencyKeyLifetime.Should().Be(TimeSpan.FromHours(23));
    }
}
