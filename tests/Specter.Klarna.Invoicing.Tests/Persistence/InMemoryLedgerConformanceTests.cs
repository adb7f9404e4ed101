using Specter.Klarna.Invoicing.Persistence;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Tests.Persistence;

/// <summary>The reference in-memory ledger passes the conformance kit.</summary>
public sealed class InMemoryLedgerConformanceTests : LedgerConformanceTests
{
    protected override Task<IKlarnaInvoiceLedger> CreateLedgerAsync() => Task.FromResult<IKlarnaInvoiceLedger>(new InMemoryKlarnaInvoiceLedger());
}
