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

    /// <summary>Schema version 3: payouts, their payment markings (unique per payment reference, kind and document) and booking lines.</summary>
    internal const string Version3 = """
        CREATE TABLE klarna_payouts (
            payment_reference TEXT    PRIMARY KEY,
            payout_date       TEXT    NOT NULL,
            settlement_type   TEXT    NOT NULL,
            currency          TEXT    NOT NULL,
            settlement_amount INTEGER NOT NULL,
            difference_amount INTEGER NOT NULL,
            recorded_at       TEXT    NOT NULL
        ) STRICT;
        CREATE TABLE klarna_payment_markings (
            seq               INTEGER PRIMARY KEY AUTOINCREMENT,
            payment_reference TEXT    NOT NULL REFERENCES klarna_payouts (payment_reference),
            kind              INTEGER NOT NULL,
            document_number   TEXT    NOT NULL,
            amount            INTEGER NOT NULL,
            currency          TEXT    NOT NULL,
            payout_date       TEXT    NOT NULL,
            matched_by        INTEGER NOT NULL,
            klarna_order_id   TEXT    NULL,
            klarna_id         TEXT    NULL,
            expected_amount   INTEGER NULL,
            UNIQUE (payment_reference, kind, document_number)
        ) STRICT;
        CREATE INDEX ix_klarna_payment_markings_document ON klarna_payment_markings (document_number, seq);
        CREATE TABLE klarna_payout_lines (
            payment_reference  TEXT    NOT NULL REFERENCES klarna_payouts (payment_reference),
            line_number        INTEGER NOT NULL,
            type               TEXT    NOT NULL,
            detailed_type      TEXT    NULL,
            amount             INTEGER NOT NULL,
            vat                INTEGER NOT NULL,
            vat_rate           INTEGER NULL,
            settled_separately INTEGER NOT NULL,
            invoice_number     TEXT    NULL,
            klarna_order_id    TEXT    NULL,
            capture_id         TEXT    NULL,
            comment            TEXT    NULL,
            PRIMARY KEY (payment_reference, line_number)
        ) STRICT;
        CREATE INDEX ix_klarna_invoices_capture_id ON klarna_invoices (capture_id) WHERE capture_id IS NOT NULL;
        CREATE INDEX ix_klarna_invoices_activated ON klarna_invoices (activated_at) WHERE state = 2;
        """;

    /// <summary>Schema version 4: credit invoices in the same table (so the one-unsettled-write-per-Klarna-order index serializes
    /// refunds and captures alike): the document kind (0 = invoice, 1 = credit invoice) and the credited invoice's number.
    /// Existing rows are carried over as invoices (kind 0, no credited invoice).</summary>
    internal const string Version4 = """
        ALTER TABLE klarna_invoices ADD COLUMN document_kind INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE klarna_invoices ADD COLUMN credited_invoice_number TEXT NULL;
        CREATE INDEX ix_klarna_invoices_credited ON klarna_invoices (credited_invoice_number) WHERE credited_invoice_number IS NOT NULL;
        """;

    internal const string VersionTable = """
        CREATE TABLE IF NOT EXISTS klarna_ledger_schema (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            version    INTEGER NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT;
        """;

    private static readonly string[] Migrations = [Version1, Version2, Version3, Version4];

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
