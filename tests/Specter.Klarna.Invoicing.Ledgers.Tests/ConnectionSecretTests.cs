using Npgsql;
using Specter.Klarna.Invoicing.PostgreSql;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>A database password never appears in what a failing ledger throws (messages, inner exceptions, stack text).</summary>
public sealed class ConnectionSecretTests
{
    private const string Secret = "Pg-Secret-4711-zq";

    [Fact]
    public async Task UnreachableServer_ErrorNeverContainsThePassword()
    {
        var ledger = new PostgreSqlKlarnaInvoiceLedger($"Host=127.0.0.1;Port=1;Username=erp;Password={Secret};Timeout=3");

        var act = () => ledger.FindAsync("F-1");

        var error = (await act.Should().ThrowAsync<Exception>()).Which;
        Everything(error).Should().NotContain(Secret).And.NotBeNullOrWhiteSpace();
    }

    [PostgreSqlFact]
    public async Task ServerRefusingTheDatabase_ErrorNeverContainsThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgreSqlEnvironment.RequireConnectionString())
        {
            Database = "specter_no_such_database",
            Password = Secret,
        };
        await using var ledger = new PostgreSqlKlarnaInvoiceLedger(builder.ConnectionString);

        var act = () => ledger.InitializeAsync();

        var error = (await act.Should().ThrowAsync<PostgresException>()).Which;
        error.SqlState.Should().Be("3D000", "the server refused the database, after the connection string was used");
        Everything(error).Should().NotContain(Secret);
    }

    private static string Everything(Exception error)
    {
        var text = new System.Text.StringBuilder(error.ToString());
        foreach (System.Collections.DictionaryEntry entry in error.Data)
        {
            text.Append(' ').Append(entry.Key).Append('=').Append(entry.Value);
        }

        return text.ToString();
    }
}
