using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.HealthChecks.Tests;

/// <summary>A host as an ERP wires it: AddKlarnaInvoicing with a ledger, AddHealthChecks with ours; runs the health-check service.</summary>
internal static class HealthCheckHost
{
    public static async Task<HealthReport> CheckAsync(
        IKlarnaInvoiceLedger ledger,
        Action<KlarnaInvoicingOptions> configure,
        Action<KlarnaInvoicingHealthCheckOptions>? healthOptions = null,
        TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            configure(o);
        }).AddLedger(_ => ledger);
        services.AddHealthChecks().AddKlarnaInvoicingHealthChecks(healthOptions);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
