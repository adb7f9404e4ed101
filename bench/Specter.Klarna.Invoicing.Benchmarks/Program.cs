using System.Globalization;
using BenchmarkDotNet.Running;
using Specter.Klarna.Invoicing.Benchmarks.Batch;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/Specter.Klarna.Invoicing.Benchmarks -- --filter '*'</c> (BenchmarkDotNet);
/// <c>-- --batch [options]</c> the batch, rate-limited and cold-start runs (<see cref="BatchSettings"/>);
/// <c>-- --alloc-by-type N</c> what one loopback invoice allocates, by type (<see cref="AllocationByType"/>);
/// <c>-- --plan-profile LINES PLANS</c> bytes, a rough time and allocation by type of one planning workload (<see cref="PlanningProfile"/>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--batch":
                return await BatchRun.RunAsync(BatchSettings.Parse(args[1..])).ConfigureAwait(false);
            case ColdStart.ChildArgument:
                return await ColdStart.ChildAsync(args).ConfigureAwait(false);
            case "--alloc-by-type":
                await AllocationByType.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture)).ConfigureAwait(false);
                return 0;
            case "--plan-profile":
                PlanningProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
