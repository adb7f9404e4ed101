using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Turns an invoice line into Klarna order lines that satisfy Klarna's formulas exactly.</summary>
internal static class KlarnaLineBuilder
{
    public const int MaxName = 255;

    /// <summary>Appends the Klarna line(s) for <paramref name="line"/> to <paramref name="into"/> (one, or equal parts when it passes Klarna's amount limit).</summary>
    public static void Build(InvoicePlanLine line, List<KlarnaCaptureLine> into)
    {
        _ = MinorUnitMath.TryToBasisPoints(line.VatRate, out int rate);
        long amount = line.Amount.MinorUnits;
        string type = TypeOf(line);
        if (Math.Abs(amount) > MinorUnitMath.KlarnaMaxAmount)
        {
            Split(line, type, rate, amount, into);
            return;
        }

        long discount = line.DiscountAmount?.MinorUnits ?? 0;
        long gross = amount + discount;
        decimal q = line.Quantity;
        bool whole = q >= 1 && q == decimal.Truncate(q) && q <= long.MaxValue / 2;
        long quantity, unitPrice, totalDiscount;
        if (whole && discount >= 0 && gross % (long)q == 0)
        {
            (quantity, unitPrice, totalDiscount) = ((long)q, gross / (long)q, discount);
        }
        else if (whole)
        {
            // The exact unit price does not divide: round it up and put the residue (< quantity) in the discount.
            quantity = (long)q;
            unitPrice = amount >= 0 ? (amount + quantity - 1) / quantity : -(-amount / quantity);
            totalDiscount = (quantity * unitPrice) - amount;
        }
        else
        {
            (quantity, unitPrice, totalDiscount) = discount >= 0 ? (1L, gross, discount) : (1L, amount, 0L);
        }

        string suffix = q > 0 && !whole ? $" ({q.ToString("0.######", CultureInfo.InvariantCulture).Replace('.', ',')}{(line.Unit is null ? string.Empty : " " + line.Unit)})" : string.Empty;
        into.Add(new KlarnaCaptureLine
        {
            Type = type,
            Reference = Truncate(line.ArticleNumber, MaxName),
            Name = Truncate(line.Description, MaxName - suffix.Length) + suffix,
            Quantity = quantity,
            QuantityUnit = whole ? Truncate(line.Unit, 10) : null,
            UnitPrice = unitPrice,
            TaxRate = rate,
            TotalAmount = amount,
            TotalDiscountAmount = totalDiscount,
            TotalTaxAmount = Tax(amount, rate, line.VatAmount.MinorUnits),
        });
    }

    /// <summary>Returns the invoice's own VAT when it is within Klarna's ±1 of the formula, otherwise the formula rounded half away from zero.</summary>
    public static long Tax(long totalAmount, int rate, long preferred)
    {
        // |preferred − total·rate/(10000+rate)| ≤ 1, multiplied out so it is exact.
        Int128 difference = ((Int128)preferred * (10_000 + rate)) - ((Int128)totalAmount * rate);
        return Int128.Abs(difference) <= 10_000 + rate ? preferred : MinorUnitMath.MulDivRound(totalAmount, rate, 10_000 + rate);
    }

    public static string TypeOf(InvoicePlanLine line) => line.Kind switch
    {
        InvoicePlanLineKind.Prepayment => "digital",
        InvoicePlanLineKind.PrepaymentNetting => "discount",
        _ => line.OrderLineKind switch
        {
            OrderLineKind.Service => "digital",
            OrderLineKind.Shipping => "shipping_fee",
            OrderLineKind.Fee => "surcharge",
            OrderLineKind.Discount => "discount",
            OrderLineKind.GiftCard => "gift_card",
            _ => "physical",
        },
    };

    public static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static void Split(InvoicePlanLine line, string type, int rate, long amount, List<KlarnaCaptureLine> into)
    {
        // Prepayment and netting lines of large orders can exceed Klarna's per-line limit: split them into equal parts.
        int count = (int)((Math.Abs(amount) + MinorUnitMath.KlarnaMaxAmount - 1) / MinorUnitMath.KlarnaMaxAmount);
        long[] parts = MinorUnitMath.Allocate(amount, [.. Enumerable.Repeat(1L, count)]);
        for (int i = 0; i < parts.Length; i++)
        {
            long part = parts[i];
            into.Add(new KlarnaCaptureLine
            {
                Type = type,
                Reference = Truncate(line.ArticleNumber, MaxName),
                Name = Truncate(line.Description, MaxName - 12) + $" ({i + 1}/{count})",
                Quantity = 1,
                UnitPrice = part,
                TaxRate = rate,
                TotalAmount = part,
                TotalTaxAmount = MinorUnitMath.MulDivRound(part, rate, 10_000 + rate),
            });
        }
    }
}
