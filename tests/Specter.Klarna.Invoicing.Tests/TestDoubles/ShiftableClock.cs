namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>
/// The system clock, which a test can move forward: the library's decisions (grace periods, Klarna's retry schedule,
/// key windows) read <see cref="GetUtcNow"/>, while timers and elapsed time stay real, so the HTTP pipeline's own
/// timeouts and retry delays behave as in production. Moving the clock proves what happens "later" without sleeping.
/// </summary>
internal sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
