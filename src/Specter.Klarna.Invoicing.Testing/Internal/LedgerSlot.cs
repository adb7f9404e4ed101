using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>One stored invoice and its insertion sequence (its age, for the oldest-first lists).</summary>
internal sealed class LedgerSlot(LedgerInvoice invoice, long sequence)
{
    public LedgerInvoice Invoice { get; set; } = invoice;

    public long Sequence { get; } = sequence;
}
