using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Settlements;

/// <summary>The scheduled import runs on the host's <see cref="TimeProvider"/>: once at start, then once per interval.</summary>
public sealed class KlarnaPayoutImportServiceTests
{
    [Fact]
    public async Task ImportService_RunsAtStartAndOnEveryTick_OverTheLookback()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero));
        var marking = new RecordingMarking();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddKlarnaInvoicing(o => o.Merchants["se"] = new KlarnaMerchantOptions { Username = "u", Password = "p" })
            .UseInMemoryLedger()
            .AddPaymentMarking(o => o.ImportLookback = TimeSpan.FromDays(3))
            .AddPayoutImportService(TimeSpan.FromHours(6));
        services.AddSingleton<IKlarnaPaymentMarking>(marking);
        using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        await marking.Runs.Reader.ReadAsync();
        time.Advance(TimeSpan.FromHours(6));
        var second = await marking.Runs.Reader.ReadAsync();
        await hosted.StopAsync(CancellationToken.None);

        second.Should().Be((time.GetUtcNow() - TimeSpan.FromDays(3), time.GetUtcNow()));
    }

    private sealed class RecordingMarking : IKlarnaPaymentMarking
    {
        public System.Threading.Channels.Channel<(DateTimeOffset, DateTimeOffset)> Runs { get; } = System.Threading.Channels.Channel.CreateUnbounded<(DateTimeOffset, DateTimeOffset)>();

        public Task<IReadOnlyList<PayoutImportResult>> ImportPayoutsAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default)
        {
            Runs.Writer.TryWrite((payoutDateFrom, payoutDateTo));
            return Task.FromResult<IReadOnlyList<PayoutImportResult>>([]);
        }

        public Task<PayoutImportResult> ImportPayoutAsync(string paymentReference, string? merchant = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PaymentMarking>> GetMarkingsAsync(string documentNumber, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<InvoicePaymentStatus> GetPaymentStatusAsync(string invoiceNumber, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<UnpaidCapture>> ListUnpaidCapturesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<KlarnaSettlementTransaction>> ListUnknownCapturesAsync(DateTimeOffset payoutDateFrom, DateTimeOffset payoutDateTo, string? merchant = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
