namespace Specter.Klarna.Invoicing;

/// <summary>Options of <c>AddKlarnaInvoicingHealthChecks</c>.</summary>
public sealed class KlarnaInvoicingHealthCheckOptions
{
    /// <summary>The default <see cref="UnsettledThreshold"/>: 15 minutes.</summary>
    public static readonly TimeSpan DefaultUnsettledThreshold = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets how long an activation may stay <see cref="ActivationState.Pending"/> or <see cref="ActivationState.Unknown"/>
    /// (since its last change) before the activations check reports <c>Degraded</c>. The default is 15 minutes: well past
    /// recovery's 2-minute grace period and a few runs of a recovery service, so a report means recovery is not keeping up.
    /// </summary>
    public TimeSpan UnsettledThreshold { get; set; } = DefaultUnsettledThreshold;

    /// <summary>
    /// Gets or sets a value indicating whether to register the Klarna check: one cheap authenticated read per merchant
    /// profile (an order id that cannot exist; Klarna's 404 proves the address and the credentials). Off by default, as it
    /// calls Klarna on every probe.
    /// </summary>
    public bool CheckKlarna { get; set; }

    /// <summary>Gets the tags of every registered check (for example to map them to a readiness endpoint).</summary>
    public ICollection<string> Tags { get; } = new List<string> { "klarna-invoicing" };

    /// <summary>Gets or sets the timeout of each check, or <see langword="null"/> for the health-check service's default.</summary>
    public TimeSpan? Timeout { get; set; }
}
