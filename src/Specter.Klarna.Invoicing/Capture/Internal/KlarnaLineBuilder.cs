using System.Globalization;
using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Turns an invoice line into Klarna order lines that satisfy Klarna's formulas exactly.</summary>
internal static class KlarnaLineBuilder
{
    /// <summary>Appends the Klarna line(s) for <paramref name="line"/> to <paramref name="into"/>: one, or equal parts when its amount passes Klarna's limit.</summary>
    /// <remarks>
    /// Every line satisfies <c>total = quantity × unit_price − discount</c> exactly and stays within <see cref="KlarnaLimits"/>.
    /// A fractional quantity, or a quantity or unit price beyond Klarna's per-line limits (150 000 screws), is sent as
    /// quantity 1 with the real quantity and unit in the name ("Skruv (150 000 st)"), the amounts unchanged.
    /// </remarks>
    public static void Build(InvoicePlanLine line, List<KlarnaCaptureLine> into, CultureInfo language)
    {
        _ = MinorUnitMath.TryToBasisPoints(line.VatRate, out int rate);
        long amount = line.Amount.MinorUnits;
        string type = TypeOf(line);
        if (Math.Abs(amount) > KlarnaLimits.MaxAmount)
        {
            Split(line, type, rate, amount, into);
            return;
        }

        long discount = line.DiscountAmount?.MinorUnits ?? 0;
        long gross = amount + discount;
        decimal q = line.Quantity;
        bool whole = MinorUnitMath.TryToWhole(q, out long wholeQuantity) && wholeQuantity >= 1 && wholeQuantity <= KlarnaLimits.MaxQuantity;
        long quantity = 1, unitPrice = 0, totalDiscount = 0;
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

        if (!whole || Math.Abs(unitPrice) > KlarnaLimits.MaxAmount || totalDiscount > KlarnaLimits.MaxAmount)
        {
            // Quantity 1 carries any amount exactly; the discount stays visible when the gross fits Klarna's limit.
            whole = false;
            (quantity, unitPrice, totalDiscount) = discount >= 0 && gross <= KlarnaLimits.MaxAmount ? (1L, gross, discount) : (1L, amount, 0L);
        }

        string suffix = !whole && q > 0 && q != 1 ? $" ({Resources.KlarnaTexts.Quantity(q, language)}{(line.Unit is null ? string.Empty : " " + line.Unit)})" : string.Empty;
        into.Add(new KlarnaCaptureLine
        {
            Type = type,
            Reference = Truncate(line.ArticleNumber, KlarnaLimits.MaxText),
            Name = Truncate(line.Description, KlarnaLimits.MaxText - suffix.Length) + suffix,
            Quantity = quantity,
            QuantityUnit = whole ? Truncate(line.Unit, KlarnaLimits.MaxQuantityUnit) : null,
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
        // |preferred − total·rate/(10000+rate)| ≤ 1, multiplied out so it is exact: in 64 bits when the amounts are below
        // 2^40 minor units (11 000 000 000 kronor) and the rate at most 100 %, else in 128.
        const long Small = 1L << 40;
        if ((ulong)(preferred + Small) < 2 * Small && (ulong)(totalAmount + Small) < 2 * Small && rate is >= 0 and <= 10_000)
        {
            long small = (preferred * (10_000 + rate)) - (totalAmount * rate);
            return Math.Abs(small) <= 10_000 + rate ? preferred : MinorUnitMath.MulDivRound(totalAmount, rate, 10_000 + rate);
        }

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
        int count = (int)((Math.Abs(amount) + KlarnaLimits.MaxAmount - 1) / KlarnaLimits.MaxAmount);
        long[] parts = MinorUnitMath.Allocate(amount, [.. Enumerable.Repeat(1L, count)]);
        long[] vats = MinorUnitMath.Allocate(line.VatAmount.MinorUnits, [.. Enumerable.Repeat(1L, count)]); // the line's own VAT, kept where Klarna's ±1 allows
        for (int i = 0; i < parts.Length; i++)
        {
            long part = parts[i];
            into.Add(new KlarnaCaptureLine
            {
                Type = type,
                Reference = Truncate(line.ArticleNumber, KlarnaLimits.MaxText),
                Name = Truncate(line.Description, KlarnaLimits.MaxText - 12) + $" ({i + 1}/{count})",
                Quantity = 1,
                UnitPrice = part,
                TaxRate = rate,
                TotalAmount = part,
                TotalTaxAmount = Tax(part, rate, vats[i]),
            });
        }
    }
}
