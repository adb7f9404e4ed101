using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>A merchant profile resolved for one request (re-read from <see cref="IOptionsMonitor{TOptions}"/> every time).</summary>
internal sealed record KlarnaResolvedMerchant(string Name, KlarnaMerchantOptions Options, Uri BaseAddress)
{
    /// <summary>Never prints credentials.</summary>
    public override string ToString() => $"{Name} ({Options})";
}

/// <summary>Finds the merchant profile of a request; credentials are read per request, so they can rotate.</summary>
internal sealed class KlarnaMerchantResolver(IOptionsMonitor<KlarnaClientOptions> options)
{
    /// <exception cref="InvalidOperationException">No such merchant, or no default merchant.</exception>
    public KlarnaResolvedMerchant Resolve(string? merchant)
    {
        var current = options.CurrentValue;
        var name = merchant ?? current.DefaultMerchant ?? (current.Merchants.Count == 1 ? current.Merchants.Keys.First() : null);
        if (name is null)
        {
            throw new InvalidOperationException(
                $"No Klarna merchant was named and no default applies: {current.Merchants.Count} merchants are configured and KlarnaInvoicingOptions.DefaultMerchant is not set.");
        }

        if (!current.Merchants.TryGetValue(name, out var profile) || profile is null)
        {
            throw new InvalidOperationException($"The Klarna merchant profile '{name}' is not configured.");
        }

        return new KlarnaResolvedMerchant(name, profile, KlarnaEndpoints.BaseAddressOf(profile));
    }
}
