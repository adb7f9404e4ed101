using System.Text;
using Specter.Klarna.Invoicing.Cli;
using Specter.Klarna.Invoicing.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the run: a capture on its way is recorded as Unknown before the tool exits (exit 4).
    e.Cancel = true;
    cancellation.Cancel();
};
var streams = new CliStreams(Console.Out, Console.Error, Console.In, CliTerminal.FromConsole());
return await CliApp.RunAsync(args, streams, cancellationToken: cancellation.Token).ConfigureAwait(false);
