using System.Globalization;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// One soak run's shape. <see cref="Short"/> runs in CI on every ledger; <see cref="Long"/> is opt-in
/// (<c>SPECTER_KLARNA_SOAK=long</c>). <c>SPECTER_KLARNA_SOAK_SEED</c> replays a seed in either, and
/// <c>SPECTER_KLARNA_SOAK_ORDER</c> replays one order of it alone (the shortest replay).
/// </summary>
internal sealed record SoakSettings
{
    public const string Variable = "SPECTER_KLARNA_SOAK";
    public const string SeedVariable = "SPECTER_KLARNA_SOAK_SEED";
    public const string OrderVariable = "SPECTER_KLARNA_SOAK_ORDER";
    public const string TraceVariable = "SPECTER_KLARNA_SOAK_TRACE";

    /// <summary>Gets the fixed seed CI runs.</summary>
    public const int ShortSeed = 20261201;

    public int Seed { get; init; }

    /// <summary>Gets the minimum number of orders.</summary>
    public int Orders { get; init; }

    /// <summary>Gets the minimum number of invoice attempts (create and retry calls): waves are added until both minimums are met.</summary>
    public int MinAttempts { get; init; }

    /// <summary>Gets how many orders run at once (each on all three servers).</summary>
    public int OrdersPerWave { get; init; } = 6;

    /// <summary>Gets the most random steps per order before it is finished without faults.</summary>
    public int StepsPerOrder { get; init; } = 10;

    /// <summary>Gets how much faster than wall time the HTTP pipeline's and the simulator's timers run (see <see cref="SoakClock"/>).</summary>
    public int Speedup { get; init; } = 20;

    /// <summary>Gets the only order to run (a replay of one order of the seed), or <see langword="null"/> for all.</summary>
    public int? OnlyOrder { get; init; }

    public static SoakSettings Short => FromEnvironment(new SoakSettings { Seed = ShortSeed, Orders = 18, MinAttempts = 0 });

    public static SoakSettings Long => FromEnvironment(new SoakSettings { Seed = Environment.TickCount & int.MaxValue, Orders = 500, MinAttempts = 10_000, StepsPerOrder = 14, OrdersPerWave = 8 });

    /// <summary>Gets a value indicating whether every order's step trace is printed, not only a failing one's (<c>SPECTER_KLARNA_SOAK_TRACE=1</c>).</summary>
    public bool PrintTraces { get; init; } = Environment.GetEnvironmentVariable(TraceVariable) == "1";

    public static bool LongRequested => string.Equals(Environment.GetEnvironmentVariable(Variable), "long", StringComparison.OrdinalIgnoreCase);

    private static SoakSettings FromEnvironment(SoakSettings settings)
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed)
        {
            settings = settings with { Seed = int.Parse(seed, CultureInfo.InvariantCulture) };
        }

        if (Environment.GetEnvironmentVariable(OrderVariable) is { Length: > 0 } order)
        {
            settings = settings with { OnlyOrder = int.Parse(order, CultureInfo.InvariantCulture), Orders = 1, MinAttempts = 0 };
        }

        return settings;
    }
}
