namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Everything the engine mutates. Orders and idempotency entries change only under <see cref="Gate"/>, which makes check-then-apply atomic.</summary>
internal sealed class SimulatorState(KlarnaSimulatorOptions options)
{
    public KlarnaSimulatorOptions Options { get; } = options;

    public TimeProvider Time => Options.TimeProvider;

    public Lock Gate { get; } = new();

    public Dictionary<string, OrderState> Orders { get; } = new(StringComparer.Ordinal);

    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Merchants { get; } = new(StringComparer.Ordinal);

    public List<SimulatedRequest> Requests { get; } = [];

    /// <summary>The payouts closed so far and what they paid; changes only under <see cref="Gate"/>.</summary>
    public SettlementBook Settlements { get; } = new();

    public List<SimulatedFault> Faults { get; } = [];

    public IdempotencyStore Idempotency { get; } = new(options.TimeProvider, options.IdempotencyKeyLifetime);

    public RateLimiter RateLimiter { get; } = new(options.TimeProvider, options.RequestsPerSecondPerMerchant);

    public int[] CallCounters { get; } = new int[Enum.GetValues<SimulatedOperation>().Length];
}
