namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// First response per (merchant, key), kept for the key lifetime. Klarna: "Input values of the operation are disregarded
/// when evaluating the idempotency of the operation, only the key matters." So neither body nor path is part of the key.
/// Not thread-safe: used under the engine lock.
/// </summary>
internal sealed class IdempotencyStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly Dictionary<(string Merchant, string Key), (SimHttpResponse Response, DateTimeOffset StoredAt)> _entries = [];

    public bool TryGet(string merchant, string key, out SimHttpResponse response)
    {
        if (_entries.TryGetValue((merchant, key), out var entry))
        {
            if (time.GetUtcNow() - entry.StoredAt < lifetime)
            {
                response = entry.Response;
                return true;
            }

            _entries.Remove((merchant, key));
        }

        response = null!;
        return false;
    }

    public void Store(string merchant, string key, SimHttpResponse response) =>
        _entries[(merchant, key)] = (response, time.GetUtcNow());

    // Used when an injected 5xx replaces the stored real outcome (StoreInjectedServerErrors).
    public void Replace(string merchant, string key, SimHttpResponse response)
    {
        if (_entries.TryGetValue((merchant, key), out var entry))
        {
            _entries[(merchant, key)] = (response, entry.StoredAt);
        }
        else
        {
            Store(merchant, key, response);
        }
    }
}
