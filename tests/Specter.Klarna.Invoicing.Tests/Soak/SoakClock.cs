namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// The one clock of a soak (three servers and the simulator read it): "now" is the system clock plus a shift the driver
/// moves forward, and every timer runs <see cref="Speedup"/> times faster than wall time.
/// </summary>
/// <remarks>
/// <para>Why faster timers: the Klarna client's own waits are real timers (1 s retry backoff, 30 s write-attempt
/// timeout, 65 s total), and so are the simulator's delay faults. Unscaled, a soak with thousands of faults would spend
/// hours waiting on them. Scaled, a 30 s attempt timeout fires after 30/<see cref="Speedup"/> s of wall time, and a
/// 40 s delay fault outlasts it exactly as in production: the production timeouts and their order stay untouched.</para>
/// <para>Why that is safe for exactly-once: "now" advances no faster than wall time (plus the shifts), so a request is
/// in flight for less "now"-time than the library's in-flight bound assumes; the library can only wait too long, never
/// conclude too early. The shifts are made by <see cref="SoakTimeGate"/> only while no call is in flight, because real
/// time cannot jump past a request's own timeout either.</para>
/// </remarks>
internal sealed class SoakClock(int speedup) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Gets how many times faster than wall time the timers run.</summary>
    public int Speedup { get; } = speedup >= 1 ? speedup : throw new ArgumentOutOfRangeException(nameof(speedup));

    /// <summary>Gets how far the driver has shifted "now" forward.</summary>
    public TimeSpan Shifted => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shifted;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    /// <summary>Shifts "now" forward; call it through <see cref="SoakTimeGate.AdvanceAsync"/>.</summary>
    internal void Shift(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, span.Ticks / Speedup));
}
