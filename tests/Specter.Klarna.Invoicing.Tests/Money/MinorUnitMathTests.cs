using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Tests.Monetary;

public sealed class MinorUnitMathTests
{
    [Theory]
    [InlineData(1, 1, 2, 1)]        // 0.5 → 1
    [InlineData(-1, 1, 2, -1)]      // -0.5 → -1 (away from zero, not to even)
    [InlineData(5, 1, 2, 3)]        // 2.5 → 3
    [InlineData(59500, 2000, 12000, 9917)]
    [InlineData(2900, 2000, 12000, 483)]
    public void MulDivRound_RoundsHalfAwayFromZero(long value, long numerator, long denominator, long expected) =>
        MinorUnitMath.MulDivRound(value, numerator, denominator).Should().Be(expected);

    [Fact]
    public void Cumulative_PartsOfALineAlwaysSumToTheLine()
    {
        long first = MinorUnitMath.Cumulative(1000, 1, 3);
        long second = MinorUnitMath.Cumulative(1000, 2, 3) - first;
        long third = MinorUnitMath.Cumulative(1000, 3, 3) - first - second;

        (first, second, third).Should().Be((333L, 334L, 333L));
    }

    [Fact]
    public void Cumulative_FractionalQuantities_AreExact() =>
        MinorUnitMath.Cumulative(9975, 1.5m, 2.5m).Should().Be(5985);

    [Fact]
    public void TryFromMajorUnitsExact_RejectsSubMinorUnits()
    {
        Money.TryFromMajorUnitsExact(199.005m, Currency.SEK, out _).Should().BeFalse();
        Money.FromMajorUnitsExact(199.50m, Currency.SEK).MinorUnits.Should().Be(19950);
        Money.FromMajorUnitsExact(1980m, Currency.JPY).MinorUnits.Should().Be(1980);
        FluentActions.Invoking(() => Money.FromMajorUnitsExact(1980.5m, Currency.JPY)).Should().Throw<ArgumentException>().WithMessage("*JPY allows 0 decimal*");
    }

    [Fact]
    public void FromMajorUnits_MidpointAwayFromZero_RoundsUp() =>
        Money.FromMajorUnits(0.125m, Currency.SEK, MidpointRounding.AwayFromZero).MinorUnits.Should().Be(13);
}

public sealed class MinorUnitMathWideTests
{
    public static TheoryData<decimal, int> Amounts => new()
    {
        { 0m, 2 }, { -0.00m, 2 }, { 49.90m, 2 }, { 199.005m, 2 }, { -199.50m, 2 }, { 1980m, 0 }, { 0.125m, 3 },
        { 92233720368547758.07m, 2 }, { 92233720368547758.08m, 2 }, { -92233720368547758.08m, 2 }, { decimal.MaxValue, 0 },
        { decimal.MinValue, 2 }, { 0.0000000000000000000000000001m, 2 }, { 7.9228162514264337593543950335m, 9 },
        { 12345.678m, 12 }, { 25.5m, 2 }, { 100.00m, 2 },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void TryToMinorUnitsExact_MatchesArbitraryPrecision(decimal amount, int digits)
    {
        bool expectedOk = Reference.TryExact(amount, digits, out long expected);
        MinorUnitMath.TryToMinorUnitsExact(amount, digits, out long actual).Should().Be(expectedOk);
        actual.Should().Be(expected);
    }

    [Theory]
    [InlineData(59500L, "0.1")]
    [InlineData(-59500L, "0.125")]
    [InlineData(5L, "0.5")]
    [InlineData(-5L, "0.5")]
    [InlineData(long.MaxValue, "0.0000000001")]
    [InlineData(long.MinValue, "0.9999999999999999999")]
    [InlineData(123456789L, "7.9228162514264337593543950335")]
    public void MultiplyRound_MatchesArbitraryPrecision(long value, string factor)
    {
        decimal f = decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture);
        MinorUnitMath.MultiplyRound(value, f).Should().Be(Reference.RoundDiv(value * Reference.Mantissa(f), System.Numerics.BigInteger.Pow(10, f.Scale)));
    }

    [Theory]
    [InlineData(1000L, "1", "3")]
    [InlineData(-99999L, "2.5", "7.25")]
    [InlineData(100_000_000L, "0.001", "3.333")]
    [InlineData(long.MaxValue, "1", "3")]
    [InlineData(long.MinValue / 3, "79228162514264337593543950334", "79228162514264337593543950335")]
    [InlineData(123456789012L, "1.0000000000000000000000000001", "3.0000000000000000000000000003")]
    public void Cumulative_MatchesArbitraryPrecision(long total, string through, string of)
    {
        decimal t = decimal.Parse(through, System.Globalization.CultureInfo.InvariantCulture);
        decimal o = decimal.Parse(of, System.Globalization.CultureInfo.InvariantCulture);
        var numerator = total * Reference.Mantissa(t) * System.Numerics.BigInteger.Pow(10, o.Scale);
        var denominator = Reference.Mantissa(o) * System.Numerics.BigInteger.Pow(10, t.Scale);
        MinorUnitMath.Cumulative(total, t, o).Should().Be(Reference.RoundDiv(numerator, denominator));
    }

    /// <summary>The arbitrary-precision formulas the 128-bit fast paths must reproduce.</summary>
    private static class Reference
    {
        public static System.Numerics.BigInteger Mantissa(decimal value) => new(value * Pow10(value.Scale));

        public static bool TryExact(decimal amount, int digits, out long result)
        {
            result = 0;
            var scaled = Mantissa(amount) * System.Numerics.BigInteger.Pow(10, digits);
            var divisor = System.Numerics.BigInteger.Pow(10, amount.Scale);
            if (!(scaled % divisor).IsZero)
            {
                return false;
            }

            var whole = scaled / divisor;
            if (whole < long.MinValue || whole > long.MaxValue)
            {
                return false;
            }

            result = (long)whole;
            return true;
        }

        public static long RoundDiv(System.Numerics.BigInteger numerator, System.Numerics.BigInteger denominator)
        {
            var quotient = System.Numerics.BigInteger.DivRem(System.Numerics.BigInteger.Abs(numerator), denominator, out var remainder);
            if (remainder * 2 >= denominator)
            {
                quotient++;
            }

            return (long)(numerator.Sign < 0 ? -quotient : quotient);
        }

        private static decimal Pow10(int digits)
        {
            decimal result = 1m;
            for (int i = 0; i < digits; i++)
            {
                result *= 10m;
            }

            return result;
        }
    }
}
