namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>Bad command-line input: printed as one line, exit code 2, nothing written.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
