namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>The exception thrown when a ledger database has a schema this version of the package cannot use (for example one written by a newer version).</summary>
/// <remarks>Never downgrade the package against a database a newer package has migrated: upgrade the package instead.</remarks>
public sealed class KlarnaLedgerSchemaException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerSchemaException"/> class.</summary>
    public KlarnaLedgerSchemaException()
        : this("The ledger database schema is not supported by this version of the package.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerSchemaException"/> class.</summary>
    /// <param name="message">The message.</param>
    public KlarnaLedgerSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerSchemaException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public KlarnaLedgerSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="KlarnaLedgerSchemaException"/> class for a database whose schema is newer than the package.</summary>
    /// <param name="databaseVersion">The schema version found in the database.</param>
    /// <param name="supportedVersion">The newest schema version this package knows.</param>
    public KlarnaLedgerSchemaException(int databaseVersion, int supportedVersion)
        : base($"The ledger database has schema version {databaseVersion}, newer than version {supportedVersion} that this package knows. "
            + "A newer version of the package migrated it; upgrade the package (never downgrade against a migrated database).")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Gets the schema version found in the database, or <see langword="null"/> when not known.</summary>
    public int? DatabaseVersion { get; }

    /// <summary>Gets the newest schema version the package knows, or <see langword="null"/> when not known.</summary>
    public int? SupportedVersion { get; }
}
