using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>Registers the Settlements client on top of the Order Management client's named HTTP client and handlers.</summary>
internal static class SettlementsClientServiceCollectionExtensions
{
    internal static IServiceCollection AddKlarnaSettlementsClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKlarnaOrderManagementClient();
        services.TryAddTransient<IKlarnaSettlementsClient, KlarnaSettlementsClient>();
        return services;
    }
}
