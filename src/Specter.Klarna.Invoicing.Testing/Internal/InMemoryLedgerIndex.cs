using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// The in-memory ledger's invoices and the indexes that answer each ledger call without scanning: by invoice number,
/// by order (oldest first), the one unsettled invoice per Klarna order id, and the unsettled set (oldest first).
/// Not thread-safe: the ledger calls it under its lock.
/// </summary>
internal sealed class InMemoryLedgerIndex
{
    private readonly Dictionary<string, LedgerSlot> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LedgerSlot>> _byOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerSlot> _unsettledByKlarnaOrder = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, LedgerSlot> _unsettled = [];
    private long _nextSequence;

    public LedgerSlot? Find(string invoiceNumber) => _byNumber.GetValueOrDefault(invoiceNumber);

    /// <summary>Whether <paramref name="invoice"/> is unsettled and another invoice on its Klarna order already is.</summary>
    public bool HasOtherUnsettled(LedgerInvoice invoice) =>
        invoice.IsUnsettled
        && invoice.KlarnaOrderId is { } klarnaOrderId
        && _unsettledByKlarnaOrder.TryGetValue(klarnaOrderId, out var holder)
        && !string.Equals(holder.Invoice.InvoiceNumber, invoice.InvoiceNumber, StringComparison.Ordinal);

    public void Add(LedgerInvoice invoice)
    {
        var slot = new LedgerSlot(invoice, ++_nextSequence);
        _byNumber.Add(invoice.InvoiceNumber, slot);
        OrderList(invoice.OrderNumber).Add(slot);
        AddUnsettled(slot);
    }

    public void Replace(LedgerSlot slot, LedgerInvoice updated)
    {
        RemoveUnsettled(slot);
        if (!string.Equals(slot.Invoice.OrderNumber, updated.OrderNumber, StringComparison.Ordinal))
        {
            RemoveFromOrder(slot);
            InsertByAge(OrderList(updated.OrderNumber), slot);
        }

        slot.Invoice = updated;
        AddUnsettled(slot);
    }

    public void Remove(LedgerSlot slot)
    {
        RemoveUnsettled(slot);
        RemoveFromOrder(slot);
        _byNumber.Remove(slot.Invoice.InvoiceNumber);
    }

    public IReadOnlyList<LedgerInvoice> ByOrder(string orderNumber)
    {
        if (!_byOrder.TryGetValue(orderNumber, out var slots))
        {
            return [];
        }

        var invoices = new LedgerInvoice[slots.Count];
        for (var i = 0; i < invoices.Length; i++)
        {
            invoices[i] = slots[i].Invoice;
        }

        return invoices;
    }

    public IReadOnlyList<LedgerInvoice> Unsettled()
    {
        var invoices = new LedgerInvoice[_unsettled.Count];
        var i = 0;
        foreach (var slot in _unsettled.Values)
        {
            invoices[i++] = slot.Invoice;
        }

        return invoices;
    }

    private List<LedgerSlot> OrderList(string orderNumber)
    {
        if (!_byOrder.TryGetValue(orderNumber, out var slots))
        {
            slots = [];
            _byOrder.Add(orderNumber, slots);
        }

        return slots;
    }

    private void RemoveFromOrder(LedgerSlot slot)
    {
        var slots = _byOrder[slot.Invoice.OrderNumber];
        slots.Remove(slot);
        if (slots.Count == 0)
        {
            _byOrder.Remove(slot.Invoice.OrderNumber);
        }
    }

    // An update that moves an invoice to another order keeps its age there too (rare; only hand-made updates do it).
    private static void InsertByAge(List<LedgerSlot> slots, LedgerSlot slot)
    {
        var at = slots.FindIndex(other => other.Sequence > slot.Sequence);
        slots.Insert(at < 0 ? slots.Count : at, slot);
    }

    private void AddUnsettled(LedgerSlot slot)
    {
        if (!slot.Invoice.IsUnsettled)
        {
            return;
        }

        _unsettled.Add(slot.Sequence, slot);
        if (slot.Invoice.KlarnaOrderId is { } klarnaOrderId)
        {
            _unsettledByKlarnaOrder[klarnaOrderId] = slot;
        }
    }

    private void RemoveUnsettled(LedgerSlot slot)
    {
        if (!_unsettled.Remove(slot.Sequence))
        {
            return;
        }

        if (slot.Invoice.KlarnaOrderId is { } klarnaOrderId
            && _unsettledByKlarnaOrder.TryGetValue(klarnaOrderId, out var holder)
            && ReferenceEquals(holder, slot))
        {
            _unsettledByKlarnaOrder.Remove(klarnaOrderId);
        }
    }
}
