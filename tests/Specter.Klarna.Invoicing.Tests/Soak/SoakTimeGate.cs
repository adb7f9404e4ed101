namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// Lets the soak's clock jump forward only while no library call is in flight on any server: calls hold a lease, a jump
/// waits until none is held and lets no new call start meanwhile (so jumps are never starved by busy servers).
/// </summary>
/// <remarks>
/// A jump of hours while a capture is in flight would be a world in which a request outlives its own 65 s timeout: the
/// library's "no send can still be in flight" rule would then be tested against an impossible history.
/// </remarks>
internal sealed class SoakTimeGate(SoakClock clock)
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _jumps = new(1, 1);
    private int _active;
    private TaskCompletionSource? _jumpDone;
    private TaskCompletionSource? _idle;

    /// <summary>Runs one library call under a lease (it waits while a jump is pending).</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            Task? wait;
            lock (_lock)
            {
                wait = _jumpDone?.Task;
                if (wait is null)
                {
                    _active++;
                    break;
                }
            }

            await wait;
        }

        try
        {
            return await call();
        }
        finally
        {
            lock (_lock)
            {
                if (--_active == 0)
                {
                    _idle?.TrySetResult();
                }
            }
        }
    }

    public Task CallAsync(Func<Task> call) => CallAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>Waits until no call is in flight, then shifts the clock by <paramref name="by"/>.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await _jumps.WaitAsync();
        try
        {
            Task idle;
            lock (_lock)
            {
                _jumpDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_active == 0)
                {
                    _idle.TrySetResult();
                }

                idle = _idle.Task;
            }

            await idle;
            clock.Shift(by);
            lock (_lock)
            {
                var done = _jumpDone;
                _jumpDone = null;
                _idle = null;
                done.TrySetResult();
            }
        }
        finally
        {
            _jumps.Release();
        }
    }
}
