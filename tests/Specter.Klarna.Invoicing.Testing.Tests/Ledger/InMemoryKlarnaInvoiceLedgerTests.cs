using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Tests.Ledger;

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

    [Fact]
    public async Task GetByOrder_IsOldestFirst_AfterUpdatesAndDeletes()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("A", ActivationState.Activated, klarnaOrderId: "K-1"));
        await ledger.TryAddAsync(Invoice("B", ActivationState.Activated, klarnaOrderId: "K-1", orderNumber: "O-2"));
        await ledger.TryAddAsync(Invoice("C", ActivationState.Activated, klarnaOrderId: "K-1"));
        await ledger.TryAddAsync(Invoice("D", ActivationState.Activated, klarnaOrderId: "K-1"));
        var a = (await ledger.FindAsync("A"))!;
        var c = (await ledger.FindAsync("C"))!;

        (await ledger.TryUpdateAsync(a with { CaptureId = "cap-a" }, a.Version)).Should().NotBeNull();
        (await ledger.TryDeleteAsync("C", c.Version)).Should().BeTrue();

        (await ledger.GetByOrderAsync("O-1")).Select(i => (i.InvoiceNumber, i.CaptureId)).Should()
            .Equal(("A", "cap-a"), ("D", (string?)null));
        (await ledger.GetByOrderAsync("O-2")).Select(i => i.InvoiceNumber).Should().Equal("B");
        (await ledger.GetByOrderAsync("O-unknown")).Should().BeEmpty();
    }

    [Fact]
    public async Task SettlingAnInvoice_FreesItsKlarnaOrder_AndLeavesTheUnsettledList()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("1", ActivationState.Pending));
        await ledger.TryAddAsync(Invoice("2", ActivationState.Unknown, klarnaOrderId: "K-2"));
        var first = (await ledger.FindAsync("1"))!;

        await ledger.TryUpdateAsync(first with { State = ActivationState.Activated }, first.Version);

        (await ledger.ListUnsettledAsync()).Invoices.Select(i => i.InvoiceNumber).Should().Equal("2");
        (await ledger.TryAddAsync(Invoice("3", ActivationState.Pending))).Status.Should().Be(LedgerAddStatus.Added);
        (await ledger.ListUnsettledAsync()).Invoices.Select(i => i.InvoiceNumber).Should().Equal("2", "3");
    }

    [Fact]
    public async Task Update_ThatMovesAnUnsettledInvoiceToABusyKlarnaOrder_IsRefused_AndTheOldOrderStaysHeld()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("1", ActivationState.Pending, klarnaOrderId: "K-1"));
        await ledger.TryAddAsync(Invoice("2", ActivationState.Pending, klarnaOrderId: "K-2"));
        var second = (await ledger.FindAsync("2"))!;

        (await ledger.TryUpdateAsync(second with { KlarnaOrderId = "K-1" }, second.Version)).Should().BeNull();

        (await ledger.TryAddAsync(Invoice("3", ActivationState.Pending, klarnaOrderId: "K-2")))
            .Status.Should().Be(LedgerAddStatus.KlarnaOrderHasUnsettledCapture);
    }

    [Fact]
    public async Task DeletingAnUnsettledInvoice_FreesItsKlarnaOrder()
    {
        var ledger = new InMemoryKlarnaInvoiceLedger();
        await ledger.TryAddAsync(Invoice("1", ActivationState.Pending));
        var stored = (await ledger.FindAsync("1"))!;

        (await ledger.TryDeleteAsync("1", stored.Version)).Should().BeTrue();

        (await ledger.ListUnsettledAsync()).Invoices.Should().BeEmpty();
        (await ledger.FindAsync("1")).Should().BeNull();
        (await ledger.TryAddAsync(Invoice("2", ActivationState.Pending))).Status.Should().Be(LedgerAddStatus.Added);
    }
}
