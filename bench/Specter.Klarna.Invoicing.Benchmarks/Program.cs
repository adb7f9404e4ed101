using BenchmarkDotNet.Running;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/Specter.Klarna.Invoicing.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
