using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Serves the Settlements API v1 (GET only) from the closed payouts. Called under the engine lock; a merchant sees only its own payouts.</summary>
internal sealed class SettlementsOperations(SimulatorState state)
{
    private static readonly HashSet<string> ListPayoutsParameters = ["start_date", "end_date", "currency_code", "size", "offset"];
    private static readonly HashSet<string> SummaryParameters = ["start_date", "end_date", "currency_code"];
    private static readonly HashSet<string> TransactionParameters = ["payment_reference", "order_id", "size", "offset"];
    private static readonly HashSet<string> NoParameters = [];

    public SimHttpResponse Apply(SimulatedOperation operation, Route route, SimHttpRequest request, string merchant)
    {
        var allowed = operation switch
        {
            SimulatedOperation.ListPayouts => ListPayoutsParameters,
            SimulatedOperation.GetPayoutSummary => SummaryParameters,
            SimulatedOperation.ListTransactions => TransactionParameters,
            _ => NoParameters,
        };
        var query = new SettlementsQuery(request.Uri, allowed, state.Options.RejectUnknownFields);
        var apiBase = request.Uri.GetLeftPart(UriPartial.Authority) + "/settlements/v1/";
        var mine = state.Settlements.Payouts.Where(p => p.Merchant == merchant).OrderBy(p => p.PayoutDate).ToList();
        return operation switch
        {
            SimulatedOperation.ListPayouts => ListPayouts(query, request.Uri, mine, apiBase),
            SimulatedOperation.GetPayout => GetPayout(query, route.SubId!, mine, apiBase),
            SimulatedOperation.GetPayoutSummary => Summary(query, mine),
            SimulatedOperation.ListTransactions => ListTransactions(query, request.Uri, mine, apiBase),
            _ => throw new InvalidOperationException("Unrouted operation " + operation),
        };
    }

    private static SimHttpResponse ListPayouts(SettlementsQuery query, Uri uri, List<PayoutState> mine, string apiBase)
    {
        var (from, to, currency) = (query.Date("start_date", required: false), query.Date("end_date", required: false), query.Currency("currency_code"));
        var (size, offset) = Paging(query);
        if (query.BadValues.Count > 0)
        {
            return ErrorResponses.BadValue(query.BadValues);
        }

        var matching = mine.Where(p => InRange(p, from, to) && (currency is null || p.Currency == currency)).ToList();
        var page = matching.Skip(offset).Take(size).ToList();
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("payouts");
            page.ForEach(p => SettlementsJsonWriter.WritePayout(w, p, apiBase));
            w.WriteEndArray();
            SettlementsJsonWriter.WritePagination(w, query, uri, page.Count, matching.Count, offset, size);
            w.WriteEndObject();
        });
    }

    private static SimHttpResponse GetPayout(SettlementsQuery query, string paymentReference, List<PayoutState> mine, string apiBase)
    {
        if (query.BadValues.Count > 0)
        {
            return ErrorResponses.BadValue(query.BadValues);
        }

        // Another merchant's payout is indistinguishable from a missing one.
        return mine.Find(p => p.PaymentReference == paymentReference) is { } payout
            ? Ok(w => SettlementsJsonWriter.WritePayout(w, payout, apiBase))
            : ErrorResponses.Create(404, "NOT_FOUND", $"Payout {paymentReference} cannot be found.");
    }

    private static SimHttpResponse Summary(SettlementsQuery query, List<PayoutState> mine)
    {
        var (from, to, currency) = (query.Date("start_date", required: true), query.Date("end_date", required: true), query.Currency("currency_code"));
        if (query.BadValues.Count > 0)
        {
            return ErrorResponses.BadValue(query.BadValues);
        }

        var groups = mine.Where(p => InRange(p, from, to) && (currency is null || p.Currency == currency))
            .GroupBy(p => p.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return Ok(w =>
        {
            w.WriteStartArray();
            groups.ForEach(g => SettlementsJsonWriter.WriteSummary(w, g.Key, [.. g], from!.Value, to!.Value));
            w.WriteEndArray();
        });
    }

    private static SimHttpResponse ListTransactions(SettlementsQuery query, Uri uri, List<PayoutState> mine, string apiBase)
    {
        var (reference, orderId) = (query.Text("payment_reference"), query.Text("order_id"));
        var (size, offset) = Paging(query);
        if (query.BadValues.Count > 0)
        {
            return ErrorResponses.BadValue(query.BadValues);
        }

        var matching = mine.Where(p => reference is null || p.PaymentReference == reference)
            .SelectMany(p => p.Transactions.Select(t => (Payout: p, Transaction: t)))
            .Where(x => orderId is null || x.Transaction.OrderId == orderId)
            .ToList();
        var page = matching.Skip(offset).Take(size).ToList();
        return Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("transactions");
            page.ForEach(x => SettlementsJsonWriter.WriteTransaction(w, x.Payout, x.Transaction, apiBase));
            w.WriteEndArray();
            SettlementsJsonWriter.WritePagination(w, query, uri, page.Count, matching.Count, offset, size);
            w.WriteEndObject();
        });
    }

    private static (int Size, int Offset) Paging(SettlementsQuery query) =>
        (query.Integer("size", SettlementsQuery.DefaultSize, 1, SettlementsQuery.MaxSize), query.Integer("offset", 0, 0, int.MaxValue));

    // Both ends inclusive: the spec advises end_date 23:59:59 for "through that day".
    private static bool InRange(PayoutState payout, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null || payout.PayoutDate >= from) && (to is null || payout.PayoutDate <= to);

    private static SimHttpResponse Ok(Action<Utf8JsonWriter> write) => SimHttpResponse.Json(200, OrderJsonWriter.Write(write));
}
