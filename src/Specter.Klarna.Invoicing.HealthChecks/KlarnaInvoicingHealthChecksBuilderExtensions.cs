using Microsoft.Extensions.Diagnostics.HealthChecks;
using Specter.Klarna.Invoicing;
using Specter.Klarna.Invoicing.HealthChecks.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Specter.Klarna.Invoicing health checks.</summary>
public static class KlarnaInvoicingHealthChecksBuilderExtensions
{
    /// <summary>The name of the check that the ledger answers.</summary>
    public const string LedgerCheckName = "klarna-invoicing-ledger";

    /// <summary>The name of the check that no activation is left open longer than the threshold.</summary>
    public const string ActivationsCheckName = "klarna-invoicing-activations";

    /// <summary>The name of the check that Klarna answers each merchant profile (only with <see cref="KlarnaInvoicingHealthCheckOptions.CheckKlarna"/>).</summary>
    public const string KlarnaCheckName = "klarna-invoicing-klarna";

    /// <summary>
    /// Adds the checks: <see cref="LedgerCheckName"/> (Unhealthy when the ledger cannot be read),
    /// <see cref="ActivationsCheckName"/> (Degraded when activations stay Pending/Unknown longer than the threshold, with their
    /// count and the oldest invoice number) and, when enabled, <see cref="KlarnaCheckName"/>. Needs <c>AddKlarnaInvoicing</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Changes the options (threshold, Klarna check, tags, timeout).</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddKlarnaInvoicingHealthChecks(this IHealthChecksBuilder builder, Action<KlarnaInvoicingHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new KlarnaInvoicingHealthCheckOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.UnsettledThreshold, TimeSpan.Zero, nameof(options) + "." + nameof(options.UnsettledThreshold));
        var tags = options.Tags.ToArray();

        builder.Add(new HealthCheckRegistration(LedgerCheckName, sp => ActivatorUtilities.CreateInstance<LedgerHealthCheck>(sp), HealthStatus.Unhealthy, tags, options.Timeout));
        builder.Add(new HealthCheckRegistration(
            ActivationsCheckName, sp => ActivatorUtilities.CreateInstance<StaleActivationsHealthCheck>(sp, options.UnsettledThreshold), HealthStatus.Unhealthy, tags, options.Timeout));
        if (options.CheckKlarna)
        {
            builder.Add(new HealthCheckRegistration(KlarnaCheckName, sp => ActivatorUtilities.CreateInstance<KlarnaReachableHealthCheck>(sp), HealthStatus.Unhealthy, tags, options.Timeout));
        }

        return builder;
    }
}
