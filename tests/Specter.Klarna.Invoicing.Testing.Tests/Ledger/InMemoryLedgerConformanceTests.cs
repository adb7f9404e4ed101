using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Tests.Ledger;

/// <summary>The reference in-memory ledger passes the conformance kit.</summary>
public sealed class InMemoryLedgerConformanceTests : LedgerConformanceTests
{
    protected override Task<IKlarnaInvoiceLedger> CreateLedgerAsync() => Task.FromResult<IKlarnaInvoiceLedger>(new InMemoryKlarnaInvoiceLedger());
}
