using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.PostgreSql;
using Specter.Klarna.Invoicing.Sqlite;
using Specter.Klarna.Invoicing.Testing;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>
/// Two OS processes invoice the same order with the same invoice number at the same moment, round after round, against one database and
/// one loopback simulator. Klarna must show exactly one capture per invoice, and its captured total must equal the ledger's activated total.
/// </summary>
public sealed class MultiProcessTests(ITestOutputHelper output)
{
    private const int Rounds = 20;
    private const int Processes = 2;
    private static readonly TimeSpan RoundInterval = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task TwoProcesses_OneSqliteFile_CaptureEachInvoiceExactlyOnce()
    {
        var directory = Directory.CreateTempSubdirectory("specter-mp-").FullName;
        try
        {
            string path = Path.Combine(directory, "ledger.db");
            await RunAsync("sqlite", path, new SqliteKlarnaInvoiceLedger(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [PostgreSqlFact]
    public async Task TwoProcesses_OnePostgreSqlDatabase_CaptureEachInvoiceExactlyOnce()
    {
        string connectionString = PostgreSqlEnvironment.RequireConnectionString();
        await using var ledger = new PostgreSqlKlarnaInvoiceLedger(connectionString);
        await RunAsync("postgres", connectionString, ledger);
    }

    private async Task RunAsync(string kind, string location, IKlarnaInvoiceLedger ledger)
    {
        await using var klarna = new KlarnaSimulator().AddMerchant("PK_SE_user", "se-secret-password");
        var baseAddress = await klarna.StartServerAsync();
        string run = Guid.NewGuid().ToString("N")[..8];
        var orders = Enumerable.Range(0, Rounds).Select(i => Reserve(klarna, $"MP-{run}-{i}")).ToList();
        string roundsFile = Path.GetTempFileName();
        await File.WriteAllLinesAsync(roundsFile, orders.Select(o => JsonNode.Parse(InvoicingOrderJson.Serialize(o))!.ToJsonString() + "\t" + "F-" + o.OrderNumber));
        // Far enough ahead that two cold `dotnet` starts on a slow machine are both waiting when round 0 begins.
        var start = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(6);
        var stopwatch = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => RunHostAsync(kind, location, baseAddress, roundsFile, start)));
        File.Delete(roundsFile);

        output.WriteLine($"{Processes} processes × {Rounds} rounds ({kind}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        foreach (var (exitCode, stdout, stderr) in results)
        {
            output.WriteLine(stdout.Replace('\n', ' '));
            exitCode.Should().Be(0, stderr);
        }

        long ledgerActivated = 0;
        long klarnaCaptured = 0;
        foreach (var order in orders)
        {
            string invoiceNumber = "F-" + order.OrderNumber;
            var invoice = await ledger.FindAsync(invoiceNumber);
            invoice.Should().NotBeNull();
            invoice!.State.Should().Be(ActivationState.Activated, "both processes ran to completion without faults");
            var capture = klarna.AssertCapturedExactlyOnce(order.KlarnaOrderId!, invoiceNumber);
            capture.CaptureId.Should().Be(invoice.CaptureId);
            capture.CapturedAmount.Should().Be(invoice.Plan.Capture!.CapturedAmount.MinorUnits);
            klarna.GetOrder(order.KlarnaOrderId!).Captures.Should().ContainSingle("one invoice per order was created, however many processes asked");
            (await ledger.GetByOrderAsync(order.OrderNumber)).Should().ContainSingle();
            ledgerActivated += invoice.Plan.Capture!.CapturedAmount.MinorUnits;
            klarnaCaptured += klarna.GetOrder(order.KlarnaOrderId!).CapturedAmount;
        }

        klarnaCaptured.Should().Be(ledgerActivated);

        // Proof that the processes really raced: in some round the loser found the winner's capture still in flight.
        string.Concat(results.Select(r => r.Stdout)).Should().Contain("refused:ActivationInProgress", "the two processes overlapped in at least one round");
        output.WriteLine($"captured {klarnaCaptured} öre over {Rounds} invoices = ledger activated total");
    }

    private static InvoicingOrder Reserve(KlarnaSimulator klarna, string orderNumber)
    {
        var order = new InvoicingOrder
        {
            OrderNumber = orderNumber,
            Currency = "SEK",
            PricesIncludeVat = true,
            Lines =
            [
                new() { LineId = "1", ArticleNumber = "A-1", Description = "Stol åäö", Quantity = 4, UnitPrice = 1234.50m, VatRate = 25 },
                new() { LineId = "2", ArticleNumber = "B-2", Description = "Bok", Quantity = 2, UnitPrice = 300.00m, VatRate = 6 },
            ],
        };
        const long total = 553_800;
        string id = klarna.SeedOrder(new SimulatedOrder
        {
            Currency = "SEK",
            OrderAmount = total,
            OrderLines = [new SimulatedOrderLine { Name = "Order " + orderNumber, Reference = orderNumber, Quantity = 1, UnitPrice = total, TaxRate = 0 }],
            MerchantReference1 = orderNumber,
        });
        return order with { KlarnaOrderId = id, Merchant = "SE" };
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(string kind, string location, Uri baseAddress, string roundsFile, DateTimeOffset start)
    {
        string hostDll = Path.Combine(AppContext.BaseDirectory.Replace("Specter.Klarna.Invoicing.Ledgers.Tests", "Specter.Klarna.Invoicing.LedgerHost", StringComparison.Ordinal), "Specter.Klarna.Invoicing.LedgerHost.dll");
        File.Exists(hostDll).Should().BeTrue($"the host is built with the test project ({hostDll})");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { hostDll, kind, location, baseAddress.ToString(), roundsFile, start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)RoundInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
