using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;
using Specter.Klarna.Invoicing.Orders.Internal;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Prepayment lines (one per VAT rate) and the netting lines that take prepayments back off later invoices.</summary>
internal static class PrepaymentLines
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, int Rate), string> NettingNames = new();

    /// <summary>Returns <c>round(percent × remaining order total)</c>, where the remaining total is the order total less everything invoiced.</summary>
    public static long Amount(PricedOrder order, EarlierInvoices earlier, decimal percent) =>
        MinorUnitMath.MultiplyRound(order.Total - earlier.InvoicedTotal, percent / 100m);

    /// <summary>Splits a prepayment over the VAT rates in proportion to what is still open at each rate.</summary>
    public static List<InvoicePlanLine> Prepay(PricedOrder order, EarlierInvoices earlier, long amount, decimal percent, CultureInfo language)
    {
        // Gift cards are payment, not price: they lower the amount but have no VAT rate to prepay.
        var open = new SortedDictionary<int, long>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var p in order.Lines.Where(l => l.Line.Kind != OrderLineKind.GiftCard))
        {
            open[p.TaxRate] = open.GetValueOrDefault(p.TaxRate) + p.Total - earlier.For(p.Line.LineId).Amount;
        }

        foreach (var (rate, tally) in earlier.Prepayments)
        {
            open[rate] = open.GetValueOrDefault(rate) - tally.Unnetted;
        }

        int[] rates = [.. open.Keys];
        long[] weights = [.. open.Values.Select(v => Math.Max(0, v))];
        long[] parts = MinorUnitMath.Allocate(amount, weights);
        var lines = new List<InvoicePlanLine>();
        for (int i = 0; i < rates.Length; i++)
        {
            if (parts[i] != 0)
            {
                long vat = MinorUnitMath.MulDivRound(parts[i], rates[i], 10_000 + rates[i]);
                lines.Add(Line(order, InvoicePlanLineKind.Prepayment, KlarnaTexts.Format("Line_Prepayment", language, KlarnaTexts.Percent(percent, language), KlarnaTexts.Percent(rates[i] / 100m, language)), rates[i], parts[i], vat));
            }
        }

        return lines;
    }

    /// <summary>Nets prepayments off an invoice in proportion to its order-line amount; the invoice completing the order nets what is left.</summary>
    /// <param name="order">The order.</param>
    /// <param name="earlier">The earlier invoices.</param>
    /// <param name="invoiceBase">The sum of this invoice's order-line amounts.</param>
    /// <param name="language">The language of the line names (the merchant profile's).</param>
    public static List<InvoicePlanLine> Net(PricedOrder order, EarlierInvoices earlier, long invoiceBase, CultureInfo language)
    {
        long unnetted = earlier.Unnetted;
        long remainingBase = order.Total - earlier.BaseTotal;
        if (unnetted <= 0 || invoiceBase <= 0 || remainingBase <= 0)
        {
            return [];
        }

        // Prepayments never exceed the remaining base, so this share never exceeds the invoice: no negative capture.
        long netting = invoiceBase >= remainingBase ? unnetted : Math.Min(unnetted, MinorUnitMath.MulDivRound(unnetted, invoiceBase, remainingBase));
        var tallies = earlier.Prepayments.Reverse().Where(t => t.Value.Unnetted > 0).ToList();
        long[] parts = MinorUnitMath.Allocate(netting, [.. tallies.Select(t => t.Value.Unnetted)]);
        var lines = new List<InvoicePlanLine>();
        for (int i = 0; i < tallies.Count; i++)
        {
            var (rate, tally) = tallies[i];
            if (parts[i] != 0)
            {
                long vat = parts[i] == tally.Unnetted ? tally.Vat : MinorUnitMath.MulDivRound(tally.Vat, parts[i], tally.Unnetted);
                lines.Add(Line(order, InvoicePlanLineKind.PrepaymentNetting, NettingName(rate, language), rate, -parts[i], -vat));
            }
        }

        return lines;
    }

    /// <summary>"Avräkning förskott, moms 25 %": one text per language and VAT rate, formatted once (every later invoice of a prepaid order nets per rate).</summary>
    private static string NettingName(int rate, CultureInfo language) =>
        NettingNames.GetOrAdd((language.Name, rate), static (key, language) => KlarnaTexts.Format("Line_PrepaymentNetting", language, KlarnaTexts.Percent(key.Rate / 100m, language)), language);

    private static InvoicePlanLine Line(PricedOrder order, InvoicePlanLineKind kind, string description, int rate, long amount, long vat) => new()
    {
        Kind = kind,
        OrderLineKind = OrderLineKind.Goods,
        Description = description,
        Quantity = 1,
        VatRate = rate / 100m,
        Amount = order.ToMoney(amount),
        VatAmount = order.ToMoney(vat),
    };
}
