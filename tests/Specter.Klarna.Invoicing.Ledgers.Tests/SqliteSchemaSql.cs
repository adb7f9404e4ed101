namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>
/// The SQLite ledger's schema as version 1 of the package wrote it, frozen here on purpose: the migration tests must
/// start from what real databases hold, not from whatever the package's current migration list says version 1 is.
/// </summary>
internal static class SqliteSchemaSql
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS klarna_ledger_schema (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            version    INTEGER NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT;
        """;

    public const string Version1 = """
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
        INSERT INTO klarna_ledger_version_counter (id, value) VALUES (1, 1);
        CREATE TABLE klarna_ledger_metadata (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        """;
}
