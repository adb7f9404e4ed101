using Specter.Klarna.Invoicing.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Specter.Klarna.Invoicing.Ledgers.Tests;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;
using Specter.Klarna.Invoicing.Sqlite;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// The exactly-once soak on the in-memory ledger (one instance shared by the three servers, as in one process).
/// <see cref="ShortSoak"/> runs the fixed CI seed; <see cref="LongSoak"/> runs ≥ 500 orders and ≥ 10,000 invoice attempts
/// when <c>SPECTER_KLARNA_SOAK=long</c> (shown as skipped otherwise). Both print the seed, the figures and, on failure, the replay.
/// </summary>
[Trait("Category", "Soak")]
public sealed class InMemorySoakTests(ITestOutputHelper output)
{
    [Fact]
    public Task ShortSoak() => SoakDriver.RunAsync(SoakSettings.Short, "in-memory", Ledger, output);

    [LongSoakFact]
    public Task LongSoak() => SoakDriver.RunAsync(SoakSettings.Long, "in-memory", Ledger, output);

    private readonly InMemoryKlarnaInvoiceLedger _shared = new();

    private Task<IKlarnaInvoiceLedger> Ledger() => Task.FromResult<IKlarnaInvoiceLedger>(_shared);
}

/// <summary>The soak on SQLite: three ledger instances (three connection pools' worth of servers) on one database file.</summary>
[Trait("Category", "Soak")]
public sealed class SqliteSoakTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specter-soak-").FullName;

    [Fact]
    public Task ShortSoak() => SoakDriver.RunAsync(SoakSettings.Short, "SQLite", LedgerAsync, output);

    [LongSoakFact]
    public Task LongSoak() => SoakDriver.RunAsync(SoakSettings.Long, "SQLite", LedgerAsync, output);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IKlarnaInvoiceLedger> LedgerAsync()
    {
        var ledger = new SqliteKlarnaInvoiceLedger(Path.Combine(_directory, "ledger.db"));
        await ledger.InitializeAsync();
        return ledger;
    }
}

/// <summary>
/// The soak on PostgreSQL (<c>SPECTER_KLARNA_POSTGRES</c>; skipped without it on a developer machine, failing without it
/// in CI): three ledger instances, each with its own data source, in a schema of their own that is dropped afterwards
/// (recovery scans every open row, so the soak must not share its tables with other tests).
/// </summary>
[Trait("Category", "Soak")]
public sealed class PostgreSqlSoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _schema = "soak_" + Guid.NewGuid().ToString("N")[..12];
    private bool _created;

    [PostgreSqlFact]
    public Task ShortSoak() => SoakDriver.RunAsync(SoakSettings.Short, "PostgreSQL", LedgerAsync, output);

    [LongPostgreSqlSoakFact]
    public Task LongSoak() => SoakDriver.RunAsync(SoakSettings.Long, "PostgreSQL", LedgerAsync, output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_created)
        {
            await using var connection = new NpgsqlConnection(PostgreSqlEnvironment.RequireConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<IKlarnaInvoiceLedger> LedgerAsync()
    {
        var connectionString = PostgreSqlEnvironment.RequireConnectionString();
        if (!_created)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {_schema}", connection);
            await create.ExecuteNonQueryAsync();
            _created = true;
        }

        var ledger = new PostgreSqlKlarnaInvoiceLedger(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ConnectionString);
        await ledger.InitializeAsync();
        return ledger;
    }
}

/// <summary>The long soak: opt-in with <c>SPECTER_KLARNA_SOAK=long</c>, reported as skipped (with how to run it) otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LongSoakFactAttribute : FactAttribute
{
    public LongSoakFactAttribute() => Skip = NotRequested;

    internal static string? NotRequested => SoakSettings.LongRequested
        ? null
        : $"Long soak (≥ 500 orders, ≥ 10,000 invoice attempts, minutes): set {SoakSettings.Variable}=long to run it.";
}

/// <summary>The long soak on PostgreSQL: opt-in like <see cref="LongSoakFactAttribute"/>, and skipped (failing in CI) without a server like <see cref="PostgreSqlFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LongPostgreSqlSoakFactAttribute : FactAttribute
{
    public LongPostgreSqlSoakFactAttribute() => Skip = LongSoakFactAttribute.NotRequested ?? PostgreSqlEnvironment.SkipReason;
}
