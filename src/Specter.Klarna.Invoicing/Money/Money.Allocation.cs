using Specter.Klarna.Invoicing.Amounts.Internal;

namespace Specter.Klarna.Invoicing;

public readonly partial struct Money
{
    /// <summary>Splits this amount into parts proportional to <paramref name="weights"/> so that the parts sum exactly to it.</summary>
    /// <remarks>
    /// <para>Largest remainder method in 128-bit integers: each part is its exact share rounded down, and the minor units
    /// left over go one each to the parts with the largest remainders, ties to the lower index. Every part is within one
    /// minor unit of its exact share, a zero weight gets zero, and the result is deterministic.</para>
    /// <para>A negative amount is split as the mirror image of its magnitude. For example 5 öre by [70, 30] gives [4, 1].</para>
    /// </remarks>
    /// <param name="weights">The non-negative weights, at least one positive.</param>
    /// <returns>One part per weight, in minor units of this currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty or all zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    public Money[] Allocate(params ReadOnlySpan<long> weights)
    {
        var currency = Currency;
        long[] parts = MinorUnitMath.Allocate(MinorUnits, weights);
        var result = new Money[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            result[i] = new Money(parts[i], currency);
        }

        return result;
    }
}
