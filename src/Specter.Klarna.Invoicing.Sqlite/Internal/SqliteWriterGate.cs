using System.Collections.Concurrent;

namespace Specter.Klarna.Invoicing.Sqlite.Internal;

/// <summary>
/// Queues this process's writers of one database file before they take SQLite's write lock. SQLite lets one writer in at a
/// time and makes the others wait in its busy handler, which sleeps (1, 2, 5 … 100 ms) instead of waking when the lock is
/// free: with 8 or 32 concurrent invoices most of the time went to those sleeps. Writers of this process now wait here,
/// asynchronously, and are let in the moment the previous one commits; other processes still meet the busy timeout.
/// Nothing about durability changes: every write is still its own <c>BEGIN IMMEDIATE</c> … <c>COMMIT</c> with <c>synchronous = FULL</c>.
/// </summary>
internal static class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write <paramref name="databasePath"/>; dispose the result to pass the turn on.</summary>
    public static async Task<Turn> EnterAsync(string databasePath, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(gate);
    }

    /// <summary>One writer's turn.</summary>
    public readonly struct Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
