namespace Specter.Klarna.Invoicing.Testing;

/// <summary>Put a subclass of this attribute on a <see cref="LedgerConformanceTests"/> subclass to skip all its conformance facts with a reason
/// (for example when the database server the ledger needs is not configured).</summary>
/// <example>
/// <code>
/// public sealed class RequiresSqlServerAttribute : LedgerConformanceSkipAttribute
/// {
///     public override string? SkipReason =&gt; Environment.GetEnvironmentVariable("MY_SQLSERVER") is null ? "Set MY_SQLSERVER to run." : null;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public abstract class LedgerConformanceSkipAttribute : Attribute
{
    /// <summary>Gets why the conformance facts are skipped, or <see langword="null"/> to run them.</summary>
    public abstract string? SkipReason { get; }
}
