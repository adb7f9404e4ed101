using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>
/// Progress for a file or pipe: one line per file on stderr, <c>[████░░…] 3/10 a.json → 1003: status</c>, always in file
/// order (a file finished early waits for the ones before it), so a log reads the same whatever the concurrency.
/// </summary>
internal sealed class PlainBatchProgress(TextWriter error) : IBatchProgress, IBatchReporter
{
    private readonly SortedDictionary<int, BatchRow> _waiting = [];
    private int _next;
    private int _total;

    public async Task RunAsync(int total, Func<IBatchReporter, Task> work)
    {
        _total = total;
        await work(this).ConfigureAwait(false);
    }

    public void Started(string file, string invoice)
    {
        // Plain output shows finished files only.
    }

    public void Finished(BatchRow row)
    {
        lock (_waiting)
        {
            _waiting[row.Index] = row;
            while (_waiting.Remove(_next, out var ready))
            {
                _next++;
                error.WriteLine($"{Bar(_next, _total)} {_next}/{_total} {Harmless.Text(ready.File)} → {Harmless.Text(ready.Invoice)}: {Harmless.Text(ready.Outcome)}");
            }
        }
    }

    public static string Bar(int done, int total)
    {
        const int Width = 20;
        int filled = (int)Math.Round(Width * (double)done / total, MidpointRounding.AwayFromZero);
        return new StringBuilder("[").Append('█', filled).Append('░', Width - filled).Append(']').ToString();
    }
}
