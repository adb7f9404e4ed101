using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.HealthChecks.Internal;

/// <summary>
/// For each merchant profile, one authenticated read of an order id that cannot exist: Klarna's 404 proves the address and
/// the credentials, a 401/403 means the credentials are refused, anything else means Klarna is not reachable.
/// </summary>
internal sealed class KlarnaReachableHealthCheck(IKlarnaInvoicing invoicing, IOptions<KlarnaInvoicingOptions> options) : IHealthCheck
{
    internal const string ProbeOrderId = "00000000-0000-4000-8000-00000000beef";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var failures = new List<string>();
        foreach (string merchant in options.Value.Merchants.Keys.Order(StringComparer.Ordinal))
        {
            string outcome = await ProbeAsync(merchant, cancellationToken).ConfigureAwait(false);
            data[merchant] = outcome;
            if (outcome != "reachable")
            {
                failures.Add($"{merchant}: {outcome}");
            }
        }

        return failures.Count == 0
            ? HealthCheckResult.Healthy($"Klarna answers all {data.Count} merchant profile(s).", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "Klarna: " + string.Join("; ", failures), data: data);
    }

    private async Task<string> ProbeAsync(string merchant, CancellationToken cancellationToken)
    {
        try
        {
            await invoicing.GetKlarnaOrderAsync(merchant, ProbeOrderId, cancellationToken).ConfigureAwait(false);
            return "reachable";
        }
        catch (KlarnaApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return "reachable";
        }
        catch (KlarnaApiException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return $"credentials refused (HTTP {(int)ex.StatusCode})";
        }
        catch (KlarnaApiException ex)
        {
            return $"unreachable (HTTP {(int)ex.StatusCode}{(ex.ErrorCode is { } code ? " " + code : string.Empty)})";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return $"unreachable ({ex.GetType().Name})";
        }
    }
}
