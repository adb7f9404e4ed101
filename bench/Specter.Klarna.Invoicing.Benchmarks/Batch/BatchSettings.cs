using System.Globalization;

namespace Specter.Klarna.Invoicing.Benchmarks.Batch;

/// <summary>What a batch run measures: <c>--invoices N --orders M --concurrency 1,8,32 --rate 200 --rate-invoices N --cold-runs N --out FILE</c>.</summary>
internal sealed record BatchSettings
{
    public int Invoices { get; init; } = 10_000;

    public int Orders { get; init; } = 2_000;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32];

    public int Rate { get; init; } = 200;

    public int RateInvoices { get; init; } = 1_000;

    public int ColdRuns { get; init; } = 5;

    public string? Output { get; init; }

    public int InvoicesPerOrder => Invoices / Orders;

    public static BatchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BatchSettings();
        for (int i = 0; i + 1 < args.Count; i += 2)
        {
            string value = args[i + 1];
            settings = args[i] switch
            {
                "--invoices" => settings with { Invoices = Number(value) },
                "--orders" => settings with { Orders = Number(value) },
                "--concurrency" => settings with { Concurrency = [.. value.Split(',').Select(Number)] },
                "--rate" => settings with { Rate = Number(value) },
                "--rate-invoices" => settings with { RateInvoices = Number(value) },
                "--cold-runs" => settings with { ColdRuns = Number(value) },
                "--out" => settings with { Output = value },
                _ => throw new ArgumentException($"Unknown batch option '{args[i]}'."),
            };
        }

        return settings.Invoices % settings.Orders == 0 && settings.Invoices > 0
            ? settings
            : throw new ArgumentException("--invoices must be a positive multiple of --orders.");
    }

    private static int Number(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
