using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Persistence;

public sealed class InMemoryKlarnaInvoiceLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    internal static LedgerInvoice Invoice(string number, ActivationState state, string? klarnaOrderId = "K-1", string orderNumber = "O-1") => new()
    {
        InvoiceNumber = number,
        OrderNumber = orderNumber,
        KlarnaOrderId = klarnaOrderId,
        State = state,
        CreatedAt = Now,
        UpdatedAt = Now,
        Plan = new InvoicePlan
        {
            InvoiceNumber = number,
            OrderNumber = orderNumber,
            Type = InvoiceType.Final,
            Lines = [],
            Total = new Money(100, Currency.SEK),
            VatTotal = new Money(20, Currency.SEK),
        },
    };

    [Fact]
    public async Task TryAdd_DuplicateNumber_IsRefusedAndKeepsTheOriginal()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        (await ledger.TryAddAsync(Invoice("1", ActivationState.NotKlarna))).Status.Should().Be(LedgerAddStatus.Added);

        (await ledger.TryAddAsync(Invoice("1", ActivationState.Failed))).Status.Should().Be(LedgerAddStatus.DuplicateInvoiceNumber);

        (await ledger.FindAsync("1"))!.State.Should().Be(ActivationState.NotKlarna);
    }

    [Fact]
    public async Task TryAdd_SecondUnsettledOnTheSameKlarnaOrder_IsRefused()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("1", ActivationState.Pending));

        (await ledger.TryAddAsync(Invoice("2", ActivationState.Pending))).Status.Should().Be(LedgerAddStatus.KlarnaOrderHasUnsettledCapture);
        (await ledger.TryAddAsync(Invoice("3", ActivationState.Pending, klarnaOrderId: "K-2"))).Status.Should().Be(LedgerAddStatus.Added);
    }

    [Fact]
    public async Task TryUpdate_StaleVersion_ChangesNothing()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("1", ActivationState.Pending));
        var stored = (await ledger.FindAsync("1"))!;
        var first = await ledger.TryUpdateAsync(stored with { State = ActivationState.Activated, CaptureId = "c1" }, stored.Version);

        var stale = await ledger.TryUpdateAsync(stored with { State = ActivationState.Failed }, stored.Version);

        first!.Version.Should().BeGreaterThan(stored.Version);
        stale.Should().BeNull();
        (await ledger.FindAsync("1"))!.State.Should().Be(ActivationState.Activated);
    }

    [Fact]
    public async Task ConcurrentAdds_ForOneKlarnaOrder_LeaveExactlyOneUnsettled()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => ledger.TryAddAsync(Invoice("N" + i, ActivationState.Pending)))));

        results.Count(r => r.Status == LedgerAddStatus.Added).Should().Be(1);
        (await ledger.ListUnsettledAsync()).Invoices.Should().ContainSingle();
    }
}
