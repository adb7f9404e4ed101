using Specter.Klarna.Invoicing.Internal;

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
