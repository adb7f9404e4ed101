using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Benchmarks.Loopback;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Sqlite;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>The SQLite ledger on a temporary file (WAL, <c>synchronous = FULL</c>), and its floor on the same file, one connection per concurrent worker.</summary>
/// <remarks>The floor's writers queue on an async gate as the ledger's do (SQLite admits one writer; its busy handler would sleep), so the floor is the best this process can commit.</remarks>
internal sealed class SqliteBatchStore : IBatchStore
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "specter-batch-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentBag<(SqliteConnection Connection, SqliteCommand Insert)> _idle = [];
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteKlarnaInvoiceLedger _ledger = null!;
    private string _payload = string.Empty;

    public string Name => "SQLite";

    public string Durability => "WAL, synchronous = FULL (ledger and floor)";

    public IKlarnaInvoiceLedger Ledger => _ledger;

    private string DatabasePath => Path.Combine(_directory, "ledger.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _ledger = new SqliteKlarnaInvoiceLedger(DatabasePath);
        await _ledger.InitializeAsync().ConfigureAwait(false);
    }

    public async Task SizeFloorRowAsync(string invoiceNumber) =>
        _payload = new string('x', await SqliteFloor.RowBytesAsync(DatabasePath, invoiceNumber).ConfigureAwait(false));

    public async Task CommitFloorAsync()
    {
        if (!_idle.TryTake(out var worker))
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false, DefaultTimeout = 60 }.ToString());
            await connection.OpenAsync().ConfigureAwait(false);
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 60000; CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
                await setup.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bench_floor (payload) VALUES ($payload);";
            insert.Parameters.AddWithValue("$payload", _payload);
            worker = (connection, insert);
        }

        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            await worker.Insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
            _idle.Add(worker);
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var worker))
        {
            await worker.Insert.DisposeAsync().ConfigureAwait(false);
            await worker.Connection.DisposeAsync().ConfigureAwait(false);
        }

        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
