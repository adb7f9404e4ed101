namespace Specter.Klarna.Invoicing.Payouts.Internal;

/// <summary>Collects one marking per (kind, document), summing when a document appears more than once in a payout.</summary>
internal sealed class MarkingAccumulator(KlarnaPayout payout)
{
    private readonly List<PaymentMarking> _items = [];
    private readonly Dictionary<(PaymentMarkingKind, string), int> _index = [];

    public IReadOnlyList<PaymentMarking> Items => _items;

    public void Add(PaymentMarkingKind kind, string document, long effect, PaymentMatch match, KlarnaSettlementTransaction transaction, string? klarnaId, Money? expected)
    {
        var amount = new Money(effect, payout.Currency);
        if (_index.TryGetValue((kind, document), out var at))
        {
            _items[at] = _items[at] with { Amount = _items[at].Amount + amount };
            return;
        }

        _index[(kind, document)] = _items.Count;
        _items.Add(new PaymentMarking
        {
            Kind = kind,
            DocumentNumber = document,
            Amount = amount,
            PaymentReference = payout.PaymentReference,
            PayoutDate = payout.PayoutDate,
            MatchedBy = match,
            KlarnaOrderId = transaction.OrderId,
            KlarnaId = klarnaId,
            ExpectedAmount = expected is { } e && e.Currency == payout.Currency ? e : null,
        });
    }
}
