using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli.Tests;

/// <summary>A Klarna simulator on loopback for commands that talk to Klarna, and order files to feed them.</summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    public const string Username = "PK_cli_test";
    public const string Password = "s3cret-Pa55word-never-printed";

    private readonly string _folder = Directory.CreateTempSubdirectory("klarna-cli-tests-").FullName;

    private SimulatorFixture(KlarnaSimulator klarna, Uri baseUrl)
    {
        Klarna = klarna;
        BaseUrl = baseUrl;
    }

    public KlarnaSimulator Klarna { get; }

    public Uri BaseUrl { get; }

    public string Folder => _folder;

    public Dictionary<string, string> Environment { get; } = new() { ["KLARNA_USERNAME"] = Username, ["KLARNA_PASSWORD"] = Password };

    public static async Task<SimulatorFixture> StartAsync(KlarnaSimulatorOptions? options = null)
    {
        var klarna = new KlarnaSimulator(options ?? new KlarnaSimulatorOptions()).AddMerchant(Username, Password);
        return new SimulatorFixture(klarna, await klarna.StartServerAsync());
    }

    public string[] Common(params string[] args) => [.. args, "--base-url", BaseUrl.ToString()];

    /// <summary>Writes an order (2 chairs, all delivered, 2 500.00 SEK) reserved at the simulator; returns the file path and Klarna order id.</summary>
    public (string Path, string KlarnaOrderId) ReservedOrder(string orderNumber, string? fileName = null, DateTimeOffset? expiresAt = null, string? folder = null, decimal delivered = 2)
    {
        string id = Klarna.SeedOrder(new SimulatedOrder
        {
            Currency = "SEK",
            OrderAmount = 250_000,
            OrderLines = [new SimulatedOrderLine { Name = "Order", Quantity = 1, UnitPrice = 250_000 }],
            MerchantReference1 = orderNumber,
            ExpiresAt = expiresAt,
        });
        string path = Path.Combine(folder ?? _folder, fileName ?? orderNumber + ".json");
        File.WriteAllText(path, OrderJson(orderNumber, id, delivered));
        return (path, id);
    }

    public string WriteFile(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string OrderJson(string orderNumber, string? klarnaOrderId, decimal delivered = 2) => InvoicingOrderJson.Serialize(new InvoicingOrder
    {
        OrderNumber = orderNumber,
        Currency = "SEK",
        PricesIncludeVat = true,
        KlarnaOrderId = klarnaOrderId,
        Lines = [new InvoicingOrderLine { LineId = "1", ArticleNumber = "STOL", Description = "Stol", Quantity = 2, DeliveredQuantity = delivered, Unit = "st", UnitPrice = 1250.00m, VatRate = 25 }],
    });

    public async ValueTask DisposeAsync()
    {
        await Klarna.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
