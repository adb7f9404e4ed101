namespace Specter.Klarna.Invoicing.Cli;

/// <summary>A failure the tool has already explained, with the exit code that tells the truth about what was written.</summary>
internal sealed class CliOutcomeException(int exitCode, string kind, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;

    public string Kind { get; } = kind;
}
