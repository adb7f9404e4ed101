using System.Globalization;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>
/// Which of the order's other invoices (number and attempt) a plan was made from. Stored with the intent, so a plan whose
/// order changed before it was sent — even one found by recovery after its process died — is taken back, never sent.
/// </summary>
internal static class PlanFingerprint
{
    public static string Of(IEnumerable<LedgerInvoice> otherInvoices) =>
        string.Join(',', otherInvoices
            .Select(i => i.InvoiceNumber + "#" + i.Attempt.ToString(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal));
}
