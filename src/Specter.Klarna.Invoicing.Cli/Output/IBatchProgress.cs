namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>Progress of <c>invoice-all</c>: a live bar on a terminal, plain lines in file order when redirected.</summary>
internal interface IBatchProgress
{
    /// <summary>Runs the batch while showing progress; <paramref name="work"/> reports through the given reporter.</summary>
    Task RunAsync(int total, Func<IBatchReporter, Task> work);
}

/// <summary>Called by the workers (from several threads at once).</summary>
internal interface IBatchReporter
{
    void Started(string file, string invoice);

    void Finished(BatchRow row);
}
