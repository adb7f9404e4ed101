using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>
/// The durable part of the floor: one committed write of a row the size of a ledger row, on the ledger's own database
/// file, WAL and <c>synchronous = FULL</c> as the ledger runs it. Also fills the ledger's table by copying a real row.
/// </summary>
internal sealed class SqliteFloor : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly string _payload;

    private SqliteFloor(SqliteConnection connection, int rowBytes)
    {
        _connection = connection;
        _payload = new string('x', rowBytes);
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO bench_floor (payload) VALUES ($payload);";
        _insert.Parameters.AddWithValue("$payload", _payload);
    }

    public static async Task<SqliteFloor> OpenAsync(string databasePath, int rowBytes)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);").ConfigureAwait(false);
        return new SqliteFloor(connection, rowBytes);
    }

    /// <summary>The stored size (sum of the column lengths) of one ledger row.</summary>
    public static async Task<int> RowBytesAsync(string databasePath, string invoiceNumber)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        var columns = await ColumnsAsync(connection).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(" + ", columns.Select(c => $"coalesce(length({c}), 0)"))} FROM klarna_invoices WHERE invoice_number = $n;";
        command.Parameters.AddWithValue("$n", invoiceNumber);
        return Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Copies the row of <paramref name="invoiceNumber"/> <paramref name="count"/> times (new numbers, settled) in one transaction.</summary>
    public static async Task CopyRowAsync(string databasePath, string invoiceNumber, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        var columns = (await ColumnsAsync(connection).ConfigureAwait(false)).Where(c => c != "seq").ToList();
        string Renamed(string c) => c is "invoice_number" or "order_number" or "klarna_order_id" ? $"{c} || '-fill-' || n" : c;
        await ExecuteAsync(connection, $"""
            WITH RECURSIVE fill(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM fill WHERE n < {count})
            INSERT INTO klarna_invoices ({string.Join(", ", columns)})
            SELECT {string.Join(", ", columns.Select(Renamed))} FROM klarna_invoices, fill WHERE invoice_number = '{invoiceNumber}';
            """).ConfigureAwait(false);
    }

    public Task CommitAsync() => _insert.ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection)
    {
        var columns = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('klarna_invoices');";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
