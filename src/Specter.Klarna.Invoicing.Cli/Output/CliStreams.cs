namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>The process's standard streams and what they are connected to.</summary>
/// <param name="Out">stdout: results (tables or JSON).</param>
/// <param name="Error">stderr: progress, prompts and the one-line errors.</param>
/// <param name="Input">stdin: read only for <c>--password-stdin</c>.</param>
/// <param name="Terminal">Which of them are a terminal.</param>
internal sealed record CliStreams(TextWriter Out, TextWriter Error, TextReader Input, CliTerminal Terminal);
