using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Sqlite.Internal;

/// <summary>Creates and migrates the ledger schema. Each entry of <see cref="Migrations"/> moves the schema up one version.</summary>
internal static class SqliteSchema
{
    /// <summary>Schema version 1 (see docs/persistence.md). States 1 and 4 are <see cref="ActivationState.Pending"/> and <see cref="ActivationState.Unknown"/>.</summary>
    internal const string Version1 = """
        CREATE TABLE klarna_invoices (
            seq               INTEGER PRIMARY KEY AUTOINCREMENT,
            invoice_number    TEXT    NOT NULL UNIQUE,
            order_number      TEXT    NOT NULL,
            merchant          TEXT    NULL,
            klarna_order_id   TEXT    NULL,
            state             INTEGER NOT NULL,
            attempt           INTEGER NOT NULL,
            idempotency_key   TEXT    NULL,
            request_body      TEXT    NULL,
            request_body_hash TEXT    NULL,
            created_at        TEXT    NOT NULL,
            first_sent_at     TEXT    NULL,
            updated_at        TEXT    NOT NULL,
            capture_id        TEXT    NULL,
            klarna_reference  TEXT    NULL,
            activated_at      TEXT    NULL,
            last_failure      TEXT    NULL,
            recovery_attempts INTEGER NOT NULL,
            version           INTEGER NOT NULL,
            plan              TEXT    NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX ux_klarna_invoices_one_unsettled_per_klarna_order
            ON klarna_invoices (klarna_order_id) WHERE state IN (1, 4);
        CREATE INDEX ix_klarna_invoices_order_number ON klarna_invoices (order_number, seq);
        CREATE INDEX ix_klarna_invoices_unsettled ON klarna_invoices (seq) WHERE state IN (1, 4);
        CREATE TABLE klarna_ledger_version_counter (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        ) STRICT;
        INSERT INTO klarna_ledger_version_counter (id, value) VALUES (1, 0);
        CREATE TABLE klarna_ledger_metadata (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """;

    /// <summary>Schema version 2: when each attempt was last sent (recovery concludes nothing while a send may be in flight) and
    /// which of the order's invoices its plan was made from (a stale plan is never sent). Existing rows keep NULL: read as
    /// "last sent when first sent" and "not known", which recovery treats conservatively.</summary>
    internal const string Version2 = """
        ALTER TABLE klarna_invoices ADD COLUMN last_sent_at TEXT NULL;
        ALTER TABLE klarna_invoices ADD COLUMN planned_from TEXT NULL;
        """;

    internal const string VersionTable = """
        CREATE TABLE IF NOT EXISTS klarna_ledger_schema (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            version    INTEGER NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT;
        """;

    private static readonly string[] Migrations = [Version1, Version2];

    /// <summary>Gets the newest schema version this package knows.</summary>
    internal static int CurrentVersion => Migrations.Length;

    internal static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await SqliteConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL is a property of the database file: readers never block the writer and vice versa.
            await SqliteConnections.ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await SqliteConnections.InWriteTransactionAsync(connection, async () =>
            {
                await SqliteConnections.ExecuteAsync(connection, VersionTable, cancellationToken).ConfigureAwait(false);
                using var read = connection.CreateCommand();
                read.CommandText = "SELECT version FROM klarna_ledger_schema WHERE id = 1;";
                int version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v ? checked((int)v) : 0;
                if (version > CurrentVersion)
                {
                    throw new KlarnaLedgerSchemaException(version, CurrentVersion);
                }

                for (int next = version + 1; next <= CurrentVersion; next++)
                {
                    await SqliteConnections.ExecuteAsync(connection, Migrations[next - 1], cancellationToken).ConfigureAwait(false);
                }

                if (version < CurrentVersion)
                {
                    using var write = connection.CreateCommand();
                    write.CommandText = "INSERT INTO klarna_ledger_schema (id, version) VALUES (1, $v) ON CONFLICT (id) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at;";
                    write.Parameters.AddWithValue("$v", CurrentVersion);
                    await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
