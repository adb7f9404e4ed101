using Npgsql;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.PostgreSql.Internal;

/// <summary>Creates and migrates the ledger schema in the connection's search path. Each entry of <see cref="Migrations"/> moves the schema up one version.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>Schema version 1 (see docs/persistence.md). States 1 and 4 are <see cref="ActivationState.Pending"/> and <see cref="ActivationState.Unknown"/>.</summary>
    internal const string Version1 = """
        CREATE SEQUENCE klarna_invoice_version_seq AS bigint;
        CREATE TABLE klarna_invoices (
            seq               bigint      GENERATED ALWAYS AS IDENTITY,
            invoice_number    text        NOT NULL,
            order_number      text        NOT NULL,
            merchant          text        NULL,
            klarna_order_id   text        NULL,
            state             smallint    NOT NULL,
            attempt           integer     NOT NULL,
            idempotency_key   text        NULL,
            request_body      text        NULL,
            request_body_hash text        NULL,
            created_at        timestamptz NOT NULL,
            first_sent_at     timestamptz NULL,
            updated_at        timestamptz NOT NULL,
            capture_id        text        NULL,
            klarna_reference  text        NULL,
            activated_at      timestamptz NULL,
            last_failure      jsonb       NULL,
            recovery_attempts integer     NOT NULL,
            version           bigint      NOT NULL,
            plan              jsonb       NOT NULL,
            CONSTRAINT klarna_invoices_pkey PRIMARY KEY (invoice_number)
        );
        CREATE UNIQUE INDEX ux_klarna_invoices_one_unsettled_per_klarna_order
            ON klarna_invoices (klarna_order_id) WHERE state IN (1, 4);
        CREATE INDEX ix_klarna_invoices_order_number ON klarna_invoices (order_number, seq);
        CREATE INDEX ix_klarna_invoices_unsettled ON klarna_invoices (seq) WHERE state IN (1, 4);
        CREATE TABLE klarna_ledger_metadata (
            key   text PRIMARY KEY,
            value text NOT NULL
        );
        """;

    /// <summary>Schema version 2: when each attempt was last sent, and which of the order's invoices its plan was made from.</summary>
    internal const string Version2 = """
        ALTER TABLE klarna_invoices ADD COLUMN last_sent_at timestamptz NULL;
        ALTER TABLE klarna_invoices ADD COLUMN planned_from text NULL;
        """;

    /// <summary>Schema version 3: payouts, their payment markings (unique per payment reference, kind and document) and booking lines.</summary>
    internal const string Version3 = """
        CREATE TABLE klarna_payouts (
            payment_reference text        PRIMARY KEY,
            payout_date       timestamptz NOT NULL,
            settlement_type   text        NOT NULL,
            currency          text        NOT NULL,
            settlement_amount bigint      NOT NULL,
            difference_amount bigint      NOT NULL,
            recorded_at       timestamptz NOT NULL
        );
        CREATE TABLE klarna_payment_markings (
            seq               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            payment_reference text        NOT NULL REFERENCES klarna_payouts (payment_reference),
            kind              smallint    NOT NULL,
            document_number   text        NOT NULL,
            amount            bigint      NOT NULL,
            currency          text        NOT NULL,
            payout_date       timestamptz NOT NULL,
            matched_by        smallint    NOT NULL,
            klarna_order_id   text        NULL,
            klarna_id         text        NULL,
            expected_amount   bigint      NULL,
            CONSTRAINT ux_klarna_payment_markings_once UNIQUE (payment_reference, kind, document_number)
        );
        CREATE INDEX ix_klarna_payment_markings_document ON klarna_payment_markings (document_number, seq);
        CREATE TABLE klarna_payout_lines (
            payment_reference  text     NOT NULL REFERENCES klarna_payouts (payment_reference),
            line_number        integer  NOT NULL,
            type               text     NOT NULL,
            detailed_type      text     NULL,
            amount             bigint   NOT NULL,
            vat                bigint   NOT NULL,
            vat_rate           bigint   NULL,
            settled_separately boolean  NOT NULL,
            invoice_number     text     NULL,
            klarna_order_id    text     NULL,
            capture_id         text     NULL,
            comment            text     NULL,
            PRIMARY KEY (payment_reference, line_number)
        );
        CREATE INDEX ix_klarna_invoices_capture_id ON klarna_invoices (capture_id) WHERE capture_id IS NOT NULL;
        CREATE INDEX ix_klarna_invoices_activated ON klarna_invoices (activated_at) WHERE state = 2;
        """;

    /// <summary>Schema version 4: credit invoices in the same table (so the one-unsettled-write-per-Klarna-order index serializes
    /// refunds and captures alike): the document kind (0 = invoice, 1 = credit invoice) and the credited invoice's number.
    /// Existing rows are carried over as invoices (kind 0, no credited invoice).</summary>
    internal const string Version4 = """
        ALTER TABLE klarna_invoices ADD COLUMN document_kind smallint NOT NULL DEFAULT 0;
        ALTER TABLE klarna_invoices ADD COLUMN credited_invoice_number text NULL;
        CREATE INDEX ix_klarna_invoices_credited ON klarna_invoices (credited_invoice_number) WHERE credited_invoice_number IS NOT NULL;
        """;

    internal const string VersionTable = """
        CREATE TABLE IF NOT EXISTS klarna_ledger_schema (
            id         integer     PRIMARY KEY CHECK (id = 1),
            version    integer     NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>The transaction-scoped advisory lock that serialises migrations of app servers starting at once.</summary>
    private const long MigrationLockKey = 0x4B4C_4C45_4447_4552; // "KLLEDGER"

    private static readonly string[] Migrations = [Version1, Version2, Version3, Version4];

    internal static int CurrentVersion => Migrations.Length;

    internal static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, VersionTable, cancellationToken).ConfigureAwait(false);
                using var read = new NpgsqlCommand("SELECT version FROM klarna_ledger_schema WHERE id = 1;", connection);
                int version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
                if (version > CurrentVersion)
                {
                    throw new KlarnaLedgerSchemaException(version, CurrentVersion);
                }

                for (int next = version + 1; next <= CurrentVersion; next++)
                {
                    await ExecuteAsync(connection, Migrations[next - 1], cancellationToken).ConfigureAwait(false);
                }

                if (version < CurrentVersion)
                {
                    using var write = new NpgsqlCommand(
                        "INSERT INTO klarna_ledger_schema (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version, applied_at = now();",
                        connection);
                    write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = CurrentVersion });
                    await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
