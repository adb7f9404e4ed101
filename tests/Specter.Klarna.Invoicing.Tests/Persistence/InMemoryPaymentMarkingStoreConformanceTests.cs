using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.Persistence;

/// <summary>The in-memory payment-marking store passes the conformance kit; every "connection" shares one store.</summary>
public sealed class InMemoryPaymentMarkingStoreConformanceTests : PaymentMarkingStoreConformanceTests
{
    private readonly InMemoryKlarnaInvoiceLedger _ledger = new();
    private readonly Lazy<InMemoryKlarnaPaymentMarkingStore> _store;

    public InMemoryPaymentMarkingStoreConformanceTests() => _store = new(() => new InMemoryKlarnaPaymentMarkingStore(_ledger));

    protected override Task<(IKlarnaInvoiceLedger Ledger, IKlarnaPaymentMarkingStore Store)> CreateStoreAsync() =>
        Task.FromResult<(IKlarnaInvoiceLedger, IKlarnaPaymentMarkingStore)>((_ledger, _store.Value));
}
