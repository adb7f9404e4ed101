using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.DependencyInjection.Internal;

/// <summary>
/// Serves the Klarna client's <see cref="KlarnaClientOptions"/> as a view of the host's <see cref="KlarnaInvoicingOptions"/>,
/// read on every call (no second cache: a reloaded or rotated profile applies to the next request), so hosts configure
/// merchants in one place while the client depends on nothing of invoicing.
/// </summary>
internal sealed class KlarnaClientOptionsView(IOptionsMonitor<KlarnaInvoicingOptions> invoicing) : IOptionsMonitor<KlarnaClientOptions>
{
    public KlarnaClientOptions CurrentValue => View(invoicing.CurrentValue);

    public KlarnaClientOptions Get(string? name) => View(invoicing.Get(name));

    public IDisposable? OnChange(Action<KlarnaClientOptions, string?> listener) =>
        invoicing.OnChange((options, name) => listener(View(options), name));

    /// <summary>Registers the view and validates the merchant profiles of <see cref="KlarnaInvoicingOptions"/> with the client's rules (at start and on every read).</summary>
    internal static void Register(IServiceCollection services)
    {
        services.TryAddSingleton<IOptionsMonitor<KlarnaClientOptions>, KlarnaClientOptionsView>();
        services.AddOptions<KlarnaInvoicingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KlarnaInvoicingOptions>, MerchantProfilesValidator>());
    }

    private static KlarnaClientOptions View(KlarnaInvoicingOptions options) => new() { Merchants = options.Merchants, DefaultMerchant = options.DefaultMerchant };
}

/// <summary>Validates the merchant profiles of <see cref="KlarnaInvoicingOptions"/> with the Klarna client's rules.</summary>
internal sealed class MerchantProfilesValidator : IValidateOptions<KlarnaInvoicingOptions>
{
    public ValidateOptionsResult Validate(string? name, KlarnaInvoicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KlarnaClientOptionsValidator.Validate(options.Merchants, options.DefaultMerchant);
    }
}
