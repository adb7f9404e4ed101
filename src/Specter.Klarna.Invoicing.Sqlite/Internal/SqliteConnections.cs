using Microsoft.Data.Sqlite;

namespace Specter.Klarna.Invoicing.Sqlite.Internal;

/// <summary>Opens configured connections and runs write transactions (<c>BEGIN IMMEDIATE</c>: the write lock is taken up front, so checks inside the transaction cannot race another writer).</summary>
internal static class SqliteConnections
{
    /// <summary>How long a writer waits for another process's write lock before failing.</summary>
    internal const int BusyTimeoutMilliseconds = 30_000;

    internal static string BuildConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    internal static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // synchronous = FULL (SQLite's default, made explicit so no build or host setting weakens it): a commit is on disk
            // before the capture is sent. An intent lost to a power failure after Klarna took the money is a double capture.
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> inside <c>BEGIN IMMEDIATE</c>; commits when it returns, rolls back when it throws or when <paramref name="commit"/> says so.</summary>
    internal static async Task<T> InWriteTransactionAsync<T>(SqliteConnection connection, Func<Task<T>> work, CancellationToken cancellationToken, Func<T, bool>? commit = null)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;", cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch
        {
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            throw;
        }

        if (commit is null || commit(result))
        {
            await ExecuteAsync(connection, "COMMIT;", CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task RollbackQuietlyAsync(SqliteConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK;", CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back (for example after SQLITE_FULL); the pooled connection is clean.
        }
    }
}
