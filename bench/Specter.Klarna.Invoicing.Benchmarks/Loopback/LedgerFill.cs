using System.Globalization;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Benchmarks.Loopback;

/// <summary>Fills a ledger with settled invoices of other orders, so a benchmark measures a ledger of a given size.</summary>
internal static class LedgerFill
{
    public static async Task AddSettledAsync(IKlarnaInvoiceLedger ledger, int count)
    {
        var now = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            string n = i.ToString("D7", CultureInfo.InvariantCulture);
            var plan = new InvoicePlan
            {
                InvoiceNumber = "P" + n,
                OrderNumber = "PO" + n,
                Type = InvoiceType.Delivery,
                Lines = [],
                Total = new Money(31_250, Currency.SEK),
                VatTotal = new Money(6_250, Currency.SEK),
            };
            var invoice = new LedgerInvoice
            {
                InvoiceNumber = plan.InvoiceNumber,
                OrderNumber = plan.OrderNumber,
                Merchant = BenchHost.Merchant,
                KlarnaOrderId = "pk" + n,
                Plan = plan,
                State = ActivationState.Activated,
                CreatedAt = now,
                UpdatedAt = now,
                CaptureId = "cap" + n,
            };
            if ((await ledger.TryAddAsync(invoice).ConfigureAwait(false)).Status != LedgerAddStatus.Added)
            {
                throw new InvalidOperationException($"Could not prefill invoice {invoice.InvoiceNumber}.");
            }
        }
    }
}
