namespace Specter.Klarna.Invoicing;

public readonly partial struct Money
{
    /// <summary>Converts an ERP decimal in major units (for example kronor) to minor units: the one conversion point.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="rounding">The rounding mode; Swedish VAT practice is <see cref="MidpointRounding.AwayFromZero"/>.</param>
    /// <returns>The amount in whole minor units.</returns>
    /// <exception cref="OverflowException">The amount does not fit in 64-bit minor units.</exception>
    public static Money FromMajorUnits(decimal amount, Currency currency, MidpointRounding rounding)
    {
        decimal scaled = amount * Pow10(currency.MinorUnitDigits);
        return new Money(decimal.ToInt64(Math.Round(scaled, 0, rounding)), currency);
    }
}
