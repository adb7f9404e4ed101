using System.Net;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Klarna's six API base URLs and the rules for a custom base address.</summary>
internal static class KlarnaEndpoints
{
    private static readonly Dictionary<string, KlarnaEnvironment> KlarnaHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api.klarna.com"] = KlarnaEnvironment.Production,
        ["api-na.klarna.com"] = KlarnaEnvironment.Production,
        ["api-oc.klarna.com"] = KlarnaEnvironment.Production,
        ["api.playground.klarna.com"] = KlarnaEnvironment.Playground,
        ["api-na.playground.klarna.com"] = KlarnaEnvironment.Playground,
        ["api-oc.playground.klarna.com"] = KlarnaEnvironment.Playground,
    };

    public static Uri For(KlarnaEnvironment environment, KlarnaRegion region) => (environment, region) switch
    {
        (KlarnaEnvironment.Production, KlarnaRegion.Europe) => new Uri("https://api.klarna.com/"),
        (KlarnaEnvironment.Production, KlarnaRegion.NorthAmerica) => new Uri("https://api-na.klarna.com/"),
        (KlarnaEnvironment.Production, KlarnaRegion.Oceania) => new Uri("https://api-oc.klarna.com/"),
        (KlarnaEnvironment.Playground, KlarnaRegion.Europe) => new Uri("https://api.playground.klarna.com/"),
        (KlarnaEnvironment.Playground, KlarnaRegion.NorthAmerica) => new Uri("https://api-na.playground.klarna.com/"),
        (KlarnaEnvironment.Playground, KlarnaRegion.Oceania) => new Uri("https://api-oc.playground.klarna.com/"),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), $"Unknown Klarna environment/region {environment}/{region}."),
    };

    /// <summary>The base address a profile talks to: the override, or the one of its environment and region.</summary>
    public static Uri BaseAddressOf(KlarnaMerchantOptions merchant)
    {
        var uri = merchant.BaseAddress ?? For(merchant.Environment, merchant.Region);
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Returns <see langword="null"/> when <paramref name="uri"/> is an acceptable base address, else the reason.</summary>
    public static string? CheckBaseAddress(Uri uri, KlarnaEnvironment environment)
    {
        if (!uri.IsAbsoluteUri)
        {
            return "must be an absolute URI";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "must not contain user info, a query or a fragment";
        }

        if (uri.Scheme == Uri.UriSchemeHttps && KlarnaHosts.TryGetValue(uri.IdnHost, out var hostEnvironment))
        {
            if (!uri.IsDefaultPort)
            {
                return "must use the default https port on a Klarna host";
            }

            return hostEnvironment == environment ? null : $"is a {hostEnvironment} host but the profile's Environment is {environment}";
        }

        if ((uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && IsLoopback(uri))
        {
            return null;
        }

        return "must be https on one of Klarna's API hosts (api[-na|-oc][.playground].klarna.com), or http(s) on a loopback address for simulators and tests";
    }

    private static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
