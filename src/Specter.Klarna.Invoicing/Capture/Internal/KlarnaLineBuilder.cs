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

        var (quantity, unitPrice, totalDiscount, whole) = Formula(line, amount);
        decimal q = line.Quantity;
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

    /// <summary>
    /// Appends what <see cref="Build"/> would append for <paramref name="line"/>, as sums only (type, rate, total, discount,
    /// VAT): merging per VAT rate needs nothing more, so an order above Klarna's line limit builds no line it throws away.
    /// </summary>
    public static void Sum(InvoicePlanLine line, KlarnaLineMerger.Packer into)
    {
        _ = MinorUnitMath.TryToBasisPoints(line.VatRate, out int rate);
        long amount = line.Amount.MinorUnits;
        string type = TypeOf(line);
        if (Math.Abs(amount) > KlarnaLimits.MaxAmount)
        {
            var (parts, vats) = SplitParts(line, amount);
            for (int i = 0; i < parts.Length; i++)
            {
                into.Add(new KlarnaLineSum(type, rate, parts[i], 0, Tax(parts[i], rate, vats[i])));
            }

            return;
        }

        into.Add(new KlarnaLineSum(type, rate, amount, Formula(line, amount).TotalDiscount, Tax(amount, rate, line.VatAmount.MinorUnits)));
    }

    /// <summary>How many Klarna lines <see cref="Build"/> makes of <paramref name="line"/>: one, or the parts of a line beyond Klarna's amount limit.</summary>
    public static int CountOf(InvoicePlanLine line)
    {
        long magnitude = Math.Abs(line.Amount.MinorUnits);
        return magnitude > KlarnaLimits.MaxAmount ? (int)((magnitude + KlarnaLimits.MaxAmount - 1) / KlarnaLimits.MaxAmount) : 1;
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

    /// <summary>Quantity, unit price and discount of the one Klarna line for an amount within Klarna's limit, and whether the quantity is the real one.</summary>
    private static (long Quantity, long UnitPrice, long TotalDiscount, bool Whole) Formula(InvoicePlanLine line, long amount)
    {
        long discount = line.DiscountAmount?.MinorUnits ?? 0;
        long gross = amount + discount;
        decimal q = line.Quantity;
        bool whole = MinorUnitMath.TryToWhole(q, out long wholeQuantity) && wholeQuantity >= 1 && wholeQuantity <= KlarnaLimits.MaxQuantity;
        long quantity = 1, unitPrice = 0, totalDiscount = 0;
        if (whole && discount >= 0 && gross % wholeQuantity == 0)
        {
            (quantity, unitPrice, totalDiscount) = (wholeQuantity, gross / wholeQuantity, discount);
        }
        else if (whole)
        {
            // The exact unit price does not divide: round it up and put the residue (< quantity) in the discount.
            quantity = wholeQuantity;
            unitPrice = amount >= 0 ? (amount + quantity - 1) / quantity : -(-amount / quantity);
            totalDiscount = (quantity * unitPrice) - amount;
        }

        if (!whole || Math.Abs(unitPrice) > KlarnaLimits.MaxAmount || totalDiscount > KlarnaLimits.MaxAmount)
        {
            // Quantity 1 carries any amount exactly; the discount stays visible when the gross fits Klarna's limit.
            whole = false;
            (quantity, unitPrice, totalDiscount) = discount >= 0 && gross <= KlarnaLimits.MaxAmount ? (1L, gross, discount) : (1L, amount, 0L);
        }

        return (quantity, unitPrice, totalDiscount, whole);
    }

    /// <summary>Equal parts of an amount beyond Klarna's per-line limit, and the line's own VAT split the same way.</summary>
    private static (long[] Parts, long[] Vats) SplitParts(InvoicePlanLine line, long amount)
    {
        int count = CountOf(line);
        long[] parts = MinorUnitMath.Allocate(amount, [.. Enumerable.Repeat(1L, count)]);
        long[] vats = MinorUnitMath.Allocate(line.VatAmount.MinorUnits, [.. Enumerable.Repeat(1L, count)]); // the line's own VAT, kept where Klarna's ±1 allows
        return (parts, vats);
    }

    private static void Split(InvoicePlanLine line, string type, int rate, long amount, List<KlarnaCaptureLine> into)
    {
        // Prepayment and netting lines of large orders can exceed Klarna's per-line limit: split them into equal parts.
        var (parts, vats) = SplitParts(line, amount);
        int count = parts.Length;
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
