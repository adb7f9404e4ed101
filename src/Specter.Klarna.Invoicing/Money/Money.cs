namespace Specter.Klarna.Invoicing;

/// <summary>An exact amount of money: a whole number of minor units (for example öre) in a currency.</summary>
/// <remarks>There are no implicit conversions; convert ERP decimals with <see cref="FromMajorUnits"/>, naming the rounding mode.</remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>, IFormattable
{
    private readonly Currency _currency;

    /// <summary>Initializes a new instance of the <see cref="Money"/> struct.</summary>
    /// <param name="minorUnits">The amount in minor units (for example öre).</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <see langword="default"/>.</exception>
    public Money(long minorUnits, Currency currency)
    {
        if (!currency.IsValid)
        {
            throw new ArgumentException("default(Currency) is not a currency.", nameof(currency));
        }

        MinorUnits = minorUnits;
        _currency = currency;
    }

    /// <summary>Gets the amount in minor units (for example öre).</summary>
    public long MinorUnits { get; }

    /// <summary>Gets the currency.</summary>
    /// <exception cref="InvalidOperationException">The value is <see langword="default"/>.</exception>
    public Currency Currency => _currency.IsValid ? _currency : throw new InvalidOperationException("default(Money) has no currency; use the constructor.");

    /// <summary>Gets zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Returns the amount in major units (for example kronor).</summary>
    /// <returns>The exact decimal amount.</returns>
    public decimal ToMajorUnits() => MinorUnits / Pow10(Currency.MinorUnitDigits);

    /// <inheritdoc/>
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && _currency == other._currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MinorUnits, _currency);

    /// <inheritdoc/>
    public int CompareTo(Money other)
    {
        ThrowIfDifferentCurrency(other);
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    internal static decimal Pow10(int digits)
    {
        decimal result = 1m;
        for (int i = 0; i < digits; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private void ThrowIfDifferentCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new InvalidOperationException($"Cannot combine {Currency} and {other.Currency}.");
        }
    }
}
