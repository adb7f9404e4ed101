using Specter.Klarna.Invoicing.Testing;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Settlements.Internal;
using Specter.Klarna.Invoicing.Tests.Klarna;
using static Specter.Klarna.Invoicing.Tests.Settlements.WorkedPayout;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>Imports the worked payout of docs/payment-marking.md over the real client (stubbed wire) into the in-memory ledger and store.</summary>
public sealed class KlarnaPaymentMarkingServiceTests
{
    [Fact]
    public async Task ImportPayout_RecordsTheHandComputedMarkings_AndASecondImportMarksNothing()
    {
        var (host, service, _) = await CreateAsync();
        using (host)
        {
            var first = await service.ImportPayoutAsync(Reference);
            var second = await service.ImportPayoutAsync(Reference);

            first.Reconciliation.IsBalanced.Should().BeTrue();
            first.Reconciliation.Reconciled.Should().Be(M(Settlement));
            first.NewMarkings.Select(m => (m.DocumentNumber, m.Amount.MinorUnits)).Should().Equal(
                ("INV-1001", 1_250_000L), ("INV-1002", 400_000L), ("INV-1003", 215_050L), ("CN-5001", -100_000L));
            second.NewMarkings.Should().BeEmpty();
            (await service.GetMarkingsAsync("INV-1001")).Should().ContainSingle();
            host.Stub.Requests.Select(r => r.Uri.AbsolutePath).Should().Contain("/settlements/v1/payouts/" + Reference);
        }
    }

    [Fact]
    public async Task PaymentStatus_SaysPaidByKlarna_InSwedishAndEnglish()
    {
        var (host, service, _) = await CreateAsync();
        using (host)
        {
            var before = await service.GetPaymentStatusAsync("INV-1001");
            await service.ImportPayoutAsync(Reference);
            var after = await service.GetPaymentStatusAsync("INV-1001");

            before.IsPaid.Should().BeFalse();
            before.GetText(CultureInfo.GetCultureInfo("sv-SE")).Should().Be("Ännu inte betald av Klarna");
            after.IsPaid.Should().BeTrue();
            after.GetText(CultureInfo.GetCultureInfo("sv-SE")).Should().Be("Betald av Klarna");
            after.GetText(CultureInfo.GetCultureInfo("en-GB")).Should().Be("Paid by Klarna");
            after.GetTooltip(CultureInfo.GetCultureInfo("en-GB")).Should().Be("Klarna paid SEK 12,500.00 in the payout of 2026-12-01 (payment reference PR-2026-1201).");
            after.GetTooltip(CultureInfo.GetCultureInfo("sv-SE")).Should().Be("Klarna betalade 12 500,00 kr i utbetalningen 2026-12-01 (betalningsreferens PR-2026-1201).");
        }
    }

    [Fact]
    public async Task UnpaidCaptures_ListsOnlyInvoicesOlderThanTheOptionWithoutMarking()
    {
        var (host, service, ledger) = await CreateAsync();
        using (host)
        {
            await ledger.TryAddAsync(Invoice("INV-OLD", "c-old", 1_000, host.Time.GetUtcNow().AddDays(-20)));
            await ledger.TryAddAsync(Invoice("INV-RECENT", "c-recent", 1_000, host.Time.GetUtcNow().AddDays(-2)));
            await service.ImportPayoutAsync(Reference);

            var unpaid = await service.ListUnpaidCapturesAsync();

            unpaid.Select(u => u.InvoiceNumber).Should().Equal("INV-OLD");
        }
    }

    [Fact]
    public async Task UnknownCaptures_ListsThePortalSale_AndRecordsNothing()
    {
        var extra = T("SALE", "PURCHASE", 99_900, "order-x", captureId: "c-portal", captureRef: "PORTAL-1");
        var (host, service, _) = await CreateAsync(extra);
        using (host)
        {
            var unknown = await service.ListUnknownCapturesAsync(PayoutDate.AddDays(-1), PayoutDate.AddDays(1));

            unknown.Should().ContainSingle().Which.MerchantCaptureReference.Should().Be("PORTAL-1");
            (await service.GetMarkingsAsync("INV-1001")).Should().BeEmpty();
        }
    }

    [Fact]
    public void AddPaymentMarking_WithTheInMemoryLedger_ResolvesTheService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKlarnaInvoicing(o => o.Merchants["se"] = new KlarnaMerchantOptions { Username = "u", Password = "p" })
            .UseInMemoryLedger()
            .AddPaymentMarking(o => o.UnpaidAfter = TimeSpan.FromDays(3));
        using var provider = services.BuildServiceProvider(validateScopes: true);

        provider.GetRequiredService<IKlarnaPaymentMarking>().Should().BeOfType<KlarnaPaymentMarkingService>();
        provider.GetRequiredService<IKlarnaPaymentMarkingStore>().Should().BeOfType<InMemoryKlarnaPaymentMarkingStore>();
        provider.GetRequiredService<IOptions<KlarnaPaymentMarkingOptions>>().Value.UnpaidAfter.Should().Be(TimeSpan.FromDays(3));
    }

    private static async Task<(KlarnaTestHost Host, KlarnaPaymentMarkingService Service, InMemoryKlarnaInvoiceLedger Ledger)> CreateAsync(KlarnaSettlementTransaction? extra = null)
    {
        var transactions = Transactions();
        var settlement = Settlement;
        if (extra is not null)
        {
            transactions.Add(extra);
            settlement += extra.Amount.MinorUnits;
        }

        var host = new KlarnaTestHost(new StubHandler((request, _, _) => Task.FromResult(Answer(request, transactions, settlement))), services: s => s.AddKlarnaSettlementsClient());
        var ledger = new InMemoryKlarnaInvoiceLedger();
        var at = host.Time.GetUtcNow().AddDays(-30);
        foreach (var known in Ledger)
        {
            (await ledger.TryAddAsync(Invoice(known.InvoiceNumber, known.CaptureId!, known.CapturedAmount!.Value.MinorUnits, at))).Status.Should().Be(LedgerAddStatus.Added);
        }

        var service = new KlarnaPaymentMarkingService(
            host.Services.GetRequiredService<IKlarnaSettlementsClient>(), ledger, new InMemoryKlarnaPaymentMarkingStore(ledger),
            Options.Create(new KlarnaPaymentMarkingOptions()), host.Time);
        return (host, service, ledger);
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, List<KlarnaSettlementTransaction> transactions, long settlement)
    {
        var path = request.RequestUri!.AbsolutePath;
        var payout = PayoutJson(settlement);
        string json = path.EndsWith("/transactions", StringComparison.Ordinal)
            ? new JsonObject { ["transactions"] = new JsonArray([.. transactions.Select(TransactionJson)]), ["pagination"] = new JsonObject { ["count"] = transactions.Count, ["total"] = transactions.Count } }.ToJsonString()
            : path.EndsWith("/payouts", StringComparison.Ordinal)
                ? new JsonObject { ["payouts"] = new JsonArray(payout), ["pagination"] = new JsonObject { ["count"] = 1, ["total"] = 1 } }.ToJsonString()
                : payout.ToJsonString();
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private static JsonObject PayoutJson(long settlement) => new()
    {
        ["payment_reference"] = Reference,
        ["payout_date"] = "2026-12-01T06:00:00Z",
        ["currency_code"] = "SEK",
        ["merchant_settlement_type"] = "NET",
        ["totals"] = new JsonObject
        {
            ["sale_amount"] = 1_865_050 + Math.Max(0, settlement - Settlement), ["return_amount"] = 100_000, ["fee_amount"] = 56_065, ["tax_amount"] = 14_017,
            ["holdback_amount"] = 50_000, ["release_amount"] = 20_000, ["settlement_amount"] = settlement,
        },
    };

    private static JsonNode TransactionJson(KlarnaSettlementTransaction t) => new JsonObject
    {
        ["type"] = t.Type.Value,
        ["detailed_type"] = t.DetailedType,
        ["amount"] = t.Amount.MinorUnits,
        ["currency_code"] = t.Amount.Currency.Code,
        ["order_id"] = t.OrderId,
        ["capture_id"] = t.CaptureId ?? string.Empty,
        ["refund_id"] = t.RefundId,
        ["merchant_capture_reference"] = t.MerchantCaptureReference,
        ["merchant_refund_reference"] = t.MerchantRefundReference,
        ["payment_reference"] = t.PaymentReference,
        ["vat_amount"] = t.VatAmount?.MinorUnits,
        ["purchase_country"] = "SE",
    };

    private static LedgerInvoice Invoice(string number, string captureId, long amount, DateTimeOffset activatedAt) => new()
    {
        InvoiceNumber = number,
        OrderNumber = "O-" + number,
        KlarnaOrderId = "K-" + number,
        State = ActivationState.Activated,
        CaptureId = captureId,
        ActivatedAt = activatedAt,
        CreatedAt = activatedAt,
        UpdatedAt = activatedAt,
        Plan = new InvoicePlan
        {
            InvoiceNumber = number,
            OrderNumber = "O-" + number,
            Type = InvoiceType.Final,
            Lines = [],
            Total = M(amount),
            VatTotal = M(0),
            Capture = new KlarnaCapturePlan { CapturedAmount = M(amount), Reference = number, Description = number, Lines = [] },
        },
    };
}
