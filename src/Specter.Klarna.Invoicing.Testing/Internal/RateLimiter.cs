namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A fixed one-second window per merchant (Klarna measures per merchant id, not per credential).</summary>
internal sealed class RateLimiter(TimeProvider time, int? limit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _windows = [];

    public bool TryAcquire(string merchant, out int retryAfterSeconds, out int remaining)
    {
        retryAfterSeconds = 0;
        remaining = int.MaxValue;
        if (limit is not { } max)
        {
            return true;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / 1000;
        lock (_gate)
        {
            var count = _windows.TryGetValue(merchant, out var entry) && entry.Window == window ? entry.Count : 0;
            if (count >= max)
            {
                retryAfterSeconds = 1;
                remaining = 0;
                return false;
            }

            _windows[merchant] = (window, count + 1);
            remaining = max - count - 1;
            return true;
        }
    }
}
