using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>
/// Cold start, each run in a fresh process against the simulator's server in this one: (1) the library, from
/// <c>AddKlarnaInvoicing</c> to the first completed activation (JIT included), beside the same invoice warm; (2) the
/// <c>klarna-invoicing</c> tool's <c>invoice</c> command, whole process, beside its <c>--version</c> (runtime and
/// command-line start only), as built (JIT) and, when <c>SPECTER_BENCH_CLI_R2R</c> names a ReadyToRun publish of it, R2R.
/// </summary>
internal static class ColdStart
{
    public const string ChildArgument = "--cold-start-child";

    public static async Task<List<string>> RunAsync(BatchSettings settings)
    {
        var rows = new List<string>();
        await using var simulator = new KlarnaSimulator().AddMerchant(BatchOrders.Username, BatchOrders.Password);
        var baseAddress = await simulator.StartServerAsync().ConfigureAwait(false);
        using var orders = new BatchOrders(simulator, baseAddress, invoicesPerOrder: 1);

        // Library: a fresh process per run; the child reports its own figures.
        var toMain = new List<double>();
        var toActivated = new List<double>();
        foreach (var (orderNumber, klarnaOrderId) in orders.Seed(settings.ColdRuns))
        {
            string output = await RunProcessAsync("dotnet", [typeof(ColdStart).Assembly.Location, ChildArgument, baseAddress.ToString(), orderNumber, klarnaOrderId], null).ConfigureAwait(false);
            var figures = output.Split('\n').Single(l => l.StartsWith("COLD ", StringComparison.Ordinal)).Split(' ');
            toMain.Add(double.Parse(figures[1], CultureInfo.InvariantCulture));
            toActivated.Add(double.Parse(figures[2], CultureInfo.InvariantCulture));
        }

        double warm = await WarmInvoiceMillisecondsAsync(orders, baseAddress).ConfigureAwait(false);
        rows.Add(Row("Library: `AddKlarnaInvoicing` → first activation (fresh process, JIT)", Median(toActivated), "the same invoice, warm", warm,
            $"process start → Main {Median(toMain):0} ms before it"));

        if (FindCli() is { } cli)
        {
            rows.AddRange(await ToolRowsAsync(orders, baseAddress, cli, "JIT", settings.ColdRuns).ConfigureAwait(false));
        }
        else
        {
            Console.WriteLine("// tool cold start skipped: build src/Specter.Klarna.Invoicing.Cli -c Release first");
        }

        if (Environment.GetEnvironmentVariable("SPECTER_BENCH_CLI_R2R") is { Length: > 0 } r2r)
        {
            rows.AddRange(await ToolRowsAsync(orders, baseAddress, Path.Combine(r2r, "Specter.Klarna.Invoicing.Cli.dll"), "ReadyToRun", settings.ColdRuns).ConfigureAwait(false));
        }

        rows.ForEach(Console.WriteLine);
        return rows;
    }

    /// <summary>The child process: everything from here is cold.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        double toMain = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        long started = Stopwatch.GetTimestamp();
        await using var services = BenchHost.Build(new InMemoryKlarnaInvoiceLedger(), new Uri(args[1]), primaryHandler: null, requestsPerSecond: 150);
        var result = await services.GetRequiredService<IKlarnaInvoicing>()
            .CreateInvoiceAsync(BatchOrders.Order(1, args[2], args[3], delivered: 1), new CreateInvoiceRequest { InvoiceNumber = args[2] + "-1" }).ConfigureAwait(false);
        double toActivated = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Status.State != ActivationState.Activated)
        {
            Console.WriteLine($"invoice ended {result.Status.State}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COLD {toMain:0.0} {toActivated:0.0}"));
        return 0;
    }

    private static async Task<double> WarmInvoiceMillisecondsAsync(BatchOrders orders, Uri baseAddress)
    {
        await using var services = BenchHost.Build(new InMemoryKlarnaInvoiceLedger(), baseAddress, primaryHandler: null, requestsPerSecond: 150);
        var invoicing = services.GetRequiredService<IKlarnaInvoicing>();
        var times = new List<double>();
        foreach (var (orderNumber, klarnaOrderId) in orders.Seed(40))
        {
            long started = Stopwatch.GetTimestamp();
            await invoicing.CreateInvoiceAsync(orders.Order(orderNumber, klarnaOrderId, 1), new CreateInvoiceRequest { InvoiceNumber = orderNumber + "-1" }).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(times.Skip(20).ToList());
    }

    private static async Task<List<string>> ToolRowsAsync(BatchOrders orders, Uri baseAddress, string cli, string compilation, int runs)
    {
        string directory = Path.Combine(Path.GetTempPath(), "specter-cold-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var environment = new Dictionary<string, string> { ["KLARNA_USERNAME"] = BatchOrders.Username, ["KLARNA_PASSWORD"] = BatchOrders.Password };
            var invoice = new List<double>();
            var version = new List<double>();
            foreach (var (orderNumber, klarnaOrderId) in orders.Seed(runs))
            {
                string file = Path.Combine(directory, orderNumber + ".json");
                await File.WriteAllTextAsync(file, InvoicingOrderJson.Serialize(orders.Order(orderNumber, klarnaOrderId, 1) with { Merchant = "default" })).ConfigureAwait(false);
                long started = Stopwatch.GetTimestamp();
                await RunProcessAsync("dotnet", [cli, "invoice", "--order", file, "--invoice-number", orderNumber + "-1", "--base-url", baseAddress.ToString(), "--ledger", Path.Combine(directory, "ledger.db"), "--json"], environment).ConfigureAwait(false);
                invoice.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                await RunProcessAsync("dotnet", [cli, "--version"], environment).ConfigureAwait(false);
                version.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return [Row($"Tool: `klarna-invoicing invoice`, whole process ({compilation})", Median(invoice), $"`klarna-invoicing --version` ({compilation})", Median(version), "SQLite ledger file created by the first run")];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Row(string measured, double value, string baseline, double baselineValue, string note) =>
        string.Create(CultureInfo.InvariantCulture, $"| {measured} | {value:0} ms | {baseline} | {baselineValue:0.0} ms | **{value / baselineValue:0.0}** | {note} |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? FindCli()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "src", "Specter.Klarna.Invoicing.Cli", "bin", "Release", "net10.0", "Specter.Klarna.Invoicing.Cli.dll");
            if (File.Exists(Path.Combine(directory.FullName, "Specter.Klarna.Invoicing.sln")))
            {
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    private static async Task<string> RunProcessAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return process.ExitCode == 0
            ? await output.ConfigureAwait(false)
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
    }
}
