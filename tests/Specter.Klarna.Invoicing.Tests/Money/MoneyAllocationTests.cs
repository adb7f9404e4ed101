using CsCheck;
using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing.Tests.Monetary;

public sealed class MoneyAllocationTests
{
    [Fact]
    public void Allocate_FoemmelsConundrum_GivesFourAndOne()
    {
        var parts = new Money(5, Currency.SEK).Allocate(70, 30);

        parts.Should().Equal(new Money(4, Currency.SEK), new Money(1, Currency.SEK));
    }

    [Fact]
    public void Allocate_ElevenSevenWays_TiesGoToLowerIndex() =>
        MinorUnitMath.Allocate(11, [1, 1, 1, 1, 1, 1, 1]).Should().Equal(2, 2, 2, 2, 1, 1, 1);

    [Fact]
    public void Allocate_NegativeTotal_IsMirrorImage() =>
        MinorUnitMath.Allocate(-11, [1, 1, 1, 1, 1, 1, 1]).Should().Equal(-2, -2, -2, -2, -1, -1, -1);

    [Fact]
    public void Allocate_LongMaxValueWithLargeWeights_DoesNotOverflow() =>
        MinorUnitMath.Allocate(long.MaxValue, [long.MaxValue, long.MaxValue, 1]).Sum(p => (decimal)p).Should().Be(long.MaxValue);

    [Fact]
    public void Allocate_BadWeights_Throw()
    {
        FluentActions.Invoking(() => MinorUnitMath.Allocate(1, [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MinorUnitMath.Allocate(1, [0, 0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MinorUnitMath.Allocate(1, [1, -1])).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Allocate_RandomInputs_SumExact_WithinFloorAndCeil_ZeroWeightGetsZero()
    {
        Gen.Select(Gen.Long[-100_000_000_000, 100_000_000_000], Gen.Long[0, 10_000].Array[1, 50].Where(w => w.Sum() > 0)).Sample((total, weights) =>
        {
            long[] parts = MinorUnitMath.Allocate(total, weights);

            parts.Sum().Should().Be(total);
            decimal weightSum = weights.Sum();
            for (int i = 0; i < parts.Length; i++)
            {
                decimal exact = total * (decimal)weights[i] / weightSum;
                parts[i].Should().BeInRange((long)Math.Floor(exact), (long)Math.Ceiling(exact));
                if (weights[i] == 0)
                {
                    parts[i].Should().Be(0);
                }
            }

            MinorUnitMath.Allocate(total, weights).Should().Equal(parts, "allocation is deterministic");
        }, iter: 500);
    }
}
