using Specter.Klarna.Invoicing.Amounts.Internal;

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

    /// <summary>Converts an ERP decimal in major units to minor units when it already is a whole number of them; no rounding.</summary>
    /// <remarks>Use this for ERP inputs such as unit prices: 199.005 SEK is not a price, and rounding it would hide an ERP error.</remarks>
    /// <param name="amount">The amount in major units, for example 199.50 kronor.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount in minor units, for example 19950 öre.</returns>
    /// <exception cref="ArgumentException"><paramref name="amount"/> has more decimals than <paramref name="currency"/> allows, or does not fit in 64-bit minor units.</exception>
    public static Money FromMajorUnitsExact(decimal amount, Currency currency) =>
        TryFromMajorUnitsExact(amount, currency, out var money)
            ? money
            : throw new ArgumentException($"{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {currency} is not a whole number of minor units: {currency} allows {currency.MinorUnitDigits} decimal(s).", nameof(amount));

    /// <summary>Tries to convert an ERP decimal in major units to minor units without rounding.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="money">The amount in minor units, when it converts exactly.</param>
    /// <returns><see langword="true"/> when <paramref name="amount"/> has at most the currency's number of decimals and fits in 64 bits.</returns>
    public static bool TryFromMajorUnitsExact(decimal amount, Currency currency, out Money money)
    {
        if (MinorUnitMath.TryToMinorUnitsExact(amount, currency.MinorUnitDigits, out long minor))
        {
            money = new Money(minor, currency);
            return true;
        }

        money = default;
        return false;
    }
}
