namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>Where the PostgreSQL tests find their server: <c>SPECTER_KLARNA_POSTGRES</c> (set by <c>.ci/run</c>, which starts a throw-away server).</summary>
internal static class PostgreSqlEnvironment
{
    public const string Variable = "SPECTER_KLARNA_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Gets why PostgreSQL tests are skipped, or <see langword="null"/> to run them. In CI (<c>CI=true</c>) they never skip: they fail without a server.</summary>
    public static string? SkipReason =>
        ConnectionString is null && !IsCi
            ? $"PostgreSQL tests skipped: set {Variable} to an Npgsql connection string (bash .ci/run starts a throw-away server and sets it)."
            : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"CI=true but {Variable} is not set: the PostgreSQL ledger tests must run in CI (.ci/run starts the server).");
}

/// <summary>A fact that needs PostgreSQL: skipped with a reason on a machine without <c>SPECTER_KLARNA_POSTGRES</c>, failing instead when <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = PostgreSqlEnvironment.SkipReason;
}

/// <summary>Skips the inherited conformance facts the same way as <see cref="PostgreSqlFactAttribute"/>.</summary>
internal sealed class RequiresPostgreSqlAttribute : Specter.Klarna.Invoicing.Testing.LedgerConformanceSkipAttribute
{
    public override string? SkipReason => PostgreSqlEnvironment.SkipReason;
}
