using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>Prices order lines in exact minor units; the single place ERP decimals become money.</summary>
internal static class OrderPricing
{
    /// <summary>Prices a line whose fields the validator has already checked for decimals and ranges, and whose unit price it has converted to minor units.</summary>
    /// <returns>The priced line, or <see langword="null"/> when the VAT rate is not whole basis points.</returns>
    /// <remarks>
    /// Weighed and measured goods (1.234 kg × 89.90) rarely make whole öre: the line amount is rounded half away from
    /// zero to whole minor units, as the ERP prints it, and everything else (VAT, discount, partial deliveries) follows
    /// from that rounded amount.
    /// </remarks>
    public static PricedLine? TryPrice(int index, InvoicingOrderLine line, long unitPrice, bool pricesIncludeVat)
    {
        if (!MinorUnitMath.TryToBasisPoints(line.VatRate, out int taxRate))
        {
            return null;
        }

        long baseGross = MinorUnitMath.MultiplyRound(unitPrice, line.Quantity);

        // Rounded half away from zero, the Swedish VAT practice, in exact integer arithmetic.
        long baseDiscount = line.DiscountPercent == 0 ? 0 : MinorUnitMath.MultiplyRound(baseGross, line.DiscountPercent / 100m);
        long baseNet = baseGross - baseDiscount;
        if (pricesIncludeVat)
        {
            long vat = MinorUnitMath.MulDivRound(baseNet, taxRate, 10_000 + taxRate);
            return new PricedLine(index, line, taxRate, baseGross, baseDiscount, baseNet, vat);
        }

        long netVat = MinorUnitMath.MulDivRound(baseNet, taxRate, 10_000);
        long grossInclVat = baseGross + MinorUnitMath.MulDivRound(baseGross, taxRate, 10_000);
        long total = baseNet + netVat;
        return new PricedLine(index, line, taxRate, grossInclVat, grossInclVat - total, total, netVat);
    }

    /// <summary>Prices every line of a valid order.</summary>
    /// <exception cref="InvoicingOrderValidationException">The order is invalid.</exception>
    public static PricedOrder Price(InvoicingOrder order)
    {
        // Validation prices every line to check amounts and limits; a valid order's prices are those, so each line is priced once.
        var errors = OrderValidator.Validate(order, out var lines);
        if (errors.Count > 0)
        {
            throw new InvoicingOrderValidationException(errors);
        }

        return new PricedOrder(order, Currency.FromCode(order.Currency), lines);
    }
}
