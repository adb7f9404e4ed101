using System.Globalization;
using CsCheck;
using Specter.Klarna.Invoicing.Persistence;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Testing.Tests.Ledger;

/// <summary>
/// The indexed in-memory ledger answers every call exactly as a ledger that scans all invoices does (the reference
/// below is the obvious list-based implementation). CsCheck draws one seed per case; a failure prints it and the step
/// trace; replay with <see cref="RunCase"/>.
/// </summary>
public sealed class InMemoryLedgerIndexRandomizedTests(ITestOutputHelper output)
{
    private static readonly string?[] KlarnaOrderIds = ["K-1", "K-2", "K-3", null];
    private static readonly ActivationState[] States = Enum.GetValues<ActivationState>();

    [Fact]
    public void RandomAddsUpdatesAndDeletes_AnswerLikeAScanningLedger()
    {
        Gen.Int[1, int.MaxValue].Sample(
            RunCase,
            writeLine: output.WriteLine,
            iter: 300,
            print: seed => $"case seed {seed} (replay: InMemoryLedgerIndexRandomizedTests.RunCase({seed}))");
    }

    internal static void RunCase(int seed)
    {
        var random = new Random(seed);
        var indexed = new InMemoryKlarnaInvoiceLedger();
        var reference = new ScanningLedger();
        var trace = new List<string>();
        try
        {
            for (var step = 0; step < 60; step++)
            {
                var number = "N" + random.Next(12).ToString(CultureInfo.InvariantCulture);
                var invoice = InMemoryKlarnaInvoiceLedgerTests.Invoice(
                    number,
                    States[random.Next(States.Length)],
                    KlarnaOrderIds[random.Next(KlarnaOrderIds.Length)],
                    "O-" + random.Next(3).ToString(CultureInfo.InvariantCulture));
                var stored = indexed.FindAsync(number).GetAwaiter().GetResult();
                var version = stored is null || random.Next(5) == 0 ? random.Next(1, 40) : stored.Version;
                switch (random.Next(3))
                {
                    case 0:
                        trace.Add($"add {number} {invoice.State} {invoice.KlarnaOrderId} {invoice.OrderNumber}");
                        indexed.TryAddAsync(invoice).Result.Status.Should().Be(reference.TryAdd(invoice), trace.Last());
                        break;
                    case 1:
                        trace.Add($"update {number} v{version} {invoice.State} {invoice.KlarnaOrderId} {invoice.OrderNumber}");
                        indexed.TryUpdateAsync(invoice, version).Result.Should().Be(reference.TryUpdate(invoice, version), trace.Last());
                        break;
                    default:
                        trace.Add($"delete {number} v{version}");
                        indexed.TryDeleteAsync(number, version).Result.Should().Be(reference.TryDelete(number, version), trace.Last());
                        break;
                }

                indexed.ListUnsettledAsync().Result.Invoices.Should().Equal(reference.Select(i => i.IsUnsettled), "unsettled list");
                for (var order = 0; order < 3; order++)
                {
                    var orderNumber = "O-" + order.ToString(CultureInfo.InvariantCulture);
                    indexed.GetByOrderAsync(orderNumber).Result.Should().Equal(reference.Select(i => i.OrderNumber == orderNumber), orderNumber);
                }
            }
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Case seed {seed} failed: {ex.Message}\nSteps:\n{string.Join('\n', trace)}", ex);
        }
    }

    /// <summary>The reference: a list in insertion order, scanned on every call.</summary>
    private sealed class ScanningLedger
    {
        private readonly List<LedgerInvoice> _invoices = [];
        private long _nextVersion;

        public LedgerAddStatus TryAdd(LedgerInvoice invoice)
        {
            if (_invoices.Exists(i => i.InvoiceNumber == invoice.InvoiceNumber))
            {
                return LedgerAddStatus.DuplicateInvoiceNumber;
            }

            if (HasOtherUnsettled(invoice))
            {
                return LedgerAddStatus.KlarnaOrderHasUnsettledCapture;
            }

            _invoices.Add(invoice with { Version = ++_nextVersion });
            return LedgerAddStatus.Added;
        }

        public LedgerInvoice? TryUpdate(LedgerInvoice invoice, long expectedVersion)
        {
            var at = _invoices.FindIndex(i => i.InvoiceNumber == invoice.InvoiceNumber);
            if (at < 0 || _invoices[at].Version != expectedVersion || HasOtherUnsettled(invoice))
            {
                return null;
            }

            _invoices[at] = invoice with { Version = ++_nextVersion };
            return _invoices[at];
        }

        public bool TryDelete(string number, long expectedVersion) =>
            _invoices.RemoveAll(i => i.InvoiceNumber == number && i.Version == expectedVersion) == 1;

        public List<LedgerInvoice> Select(Func<LedgerInvoice, bool> predicate) => _invoices.Where(predicate).ToList();

        private bool HasOtherUnsettled(LedgerInvoice invoice) =>
            invoice.IsUnsettled && invoice.KlarnaOrderId is not null
            && _invoices.Exists(o => o.IsUnsettled && o.InvoiceNumber != invoice.InvoiceNumber && o.KlarnaOrderId == invoice.KlarnaOrderId);
    }
}
