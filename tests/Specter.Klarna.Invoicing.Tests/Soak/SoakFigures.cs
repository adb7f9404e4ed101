using System.Collections.Concurrent;
using System.Text;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>What a soak run did, printed at its end (and copied into docs/reliability.md for the long run).</summary>
internal sealed class SoakFigures
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string what, int times = 1) => _counts.AddOrUpdate(what, times, (_, n) => n + times);

    /// <summary>Counts one server's recovery run; an error that is the injected crash is a fault, any other is a finding.</summary>
    public void Recovered(int server, RecoveryReport report)
    {
        Add("recoveries");
        Add($"recoveries on server {server}");
        Add("settled by recovery", report.Settled.Count);
        Add("recovery errors", report.Errors.Count(e => !e.Message.Contains(SoakFaults.CrashMessage, StringComparison.Ordinal)));
        Add("recovery runs hit by the injected crash", report.Errors.Count(e => e.Message.Contains(SoakFaults.CrashMessage, StringComparison.Ordinal)));
    }

    public int Get(string what) => _counts.TryGetValue(what, out var n) ? n : 0;

    public string Describe(SoakSettings settings, string ledger, SoakCluster cluster, TimeSpan wall, string result)
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        Line($"soak {ledger}: seed {settings.Seed}, {SoakCluster.ServerCount} servers, timers x{settings.Speedup}, result: {result}");
        Line($"  orders {Get("orders")}, invoice attempts {Get("attempts")} (create {Get("create calls")}, retry {Get("retry calls")}), abandons {Get("abandons")}");
        Line($"  credit calls {Get("credit calls")} (same credit on two servers at once {Get("duplicate credit calls")}, racing a recovery {Get("credits racing recovery")}), outcomes: {Counts("credit outcome ")}; at the end refunded {Get("credits refunded")}, failed {Get("credits failed")}; prepayments credited {Get("prepayment credits")}, then the reservation updated {Get("authorization updates after a prepayment credit")} times (Klarna refused {Get("refused authorization updates")})");
        Line($"  concurrent duplicates of one invoice {Get("duplicate calls")}, concurrent invoices of one order {Get("concurrent pairs")}, calls racing a recovery {Get("calls racing recovery")}");
        Line($"  outcomes returned: {Counts("outcome ")}");
        Line($"  refusals (typed rules): {Counts("refused ")}");
        Line($"  calls by server: {Counts("server ")}");
        Line($"  recoveries {Get("recoveries")} ({Counts("recoveries on ")}), invoices settled by recovery {Get("settled by recovery")}, recovery errors {Get("recovery errors")} (and {Get("recovery runs hit by the injected crash")} injected crashes)");
        Line($"  clock: shifted {cluster.Clock.Shifted.TotalHours:0.#} h in {Get("clock jumps")} jumps, {Get("key window crossings")} jumps of 24 h or more");
        Line($"  faults fired by kind: {string.Join(", ", cluster.Faults.Fired.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}"))} (total {cluster.Faults.Fired.Values.Sum()})");
        Line($"  Klarna: captures {Get("captures")}, capture requests {Get("capture requests")}, refund requests {Get("refund requests")}");
        Line($"  engine conflicts (metric): {string.Join(", ", cluster.Conflicts().Select(c => $"{c.Key} {c.Value}"))}");
        Line($"  wall time {wall.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private string Counts(string prefix) =>
        string.Join(", ", _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key[prefix.Length..]} {c.Value}"));
}
