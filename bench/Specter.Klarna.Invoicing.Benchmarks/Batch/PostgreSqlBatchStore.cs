using System.Globalization;
using Npgsql;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>The PostgreSQL ledger in a fresh schema, and its floor in the same schema through a pooled data source.</summary>
internal sealed class PostgreSqlBatchStore(string connectionString) : IBatchStore
{
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlKlarnaInvoiceLedger _ledger = null!;
    private string _payload = string.Empty;

    public string Name => "PostgreSQL";

    public string Durability { get; private set; } = "unknown";

    public IKlarnaInvoiceLedger Ledger => _ledger;

    public async Task InitializeAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema };
        _dataSource = NpgsqlDataSource.Create(builder);
        await using (var create = _dataSource.CreateCommand($"CREATE SCHEMA {_schema}; CREATE TABLE {_schema}.bench_floor (id bigserial PRIMARY KEY, payload text NOT NULL);"))
        {
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        Durability = $"fsync = {await ShowAsync("fsync").ConfigureAwait(false)}, synchronous_commit = {await ShowAsync("synchronous_commit").ConfigureAwait(false)} (ledger and floor)";
        _ledger = new PostgreSqlKlarnaInvoiceLedger(builder.ConnectionString);
        await _ledger.InitializeAsync().ConfigureAwait(false);
    }

    public async Task SizeFloorRowAsync(string invoiceNumber)
    {
        await using var command = _dataSource.CreateCommand("SELECT octet_length(t::text) FROM klarna_invoices t WHERE invoice_number = $1;");
        command.Parameters.Add(new NpgsqlParameter { Value = invoiceNumber });
        _payload = new string('x', Convert.ToInt32(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture));
    }

    public async Task CommitFloorAsync()
    {
        await using var command = _dataSource.CreateCommand("INSERT INTO bench_floor (payload) VALUES ($1);");
        command.Parameters.Add(new NpgsqlParameter { Value = _payload });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ledger is not null)
        {
            await _ledger.DisposeAsync().ConfigureAwait(false);
        }

        if (_dataSource is not null)
        {
            await using (var drop = _dataSource.CreateCommand($"DROP SCHEMA {_schema} CASCADE;"))
            {
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<string> ShowAsync(string setting)
    {
        await using var command = _dataSource.CreateCommand("SHOW " + setting + ";");
        return (string)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }
}
