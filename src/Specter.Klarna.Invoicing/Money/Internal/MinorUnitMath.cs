using System.Diagnostics;
using System.Numerics;

// Not "...Money.Internal": a namespace named Money would hide the Money type inside the library.
namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Exact integer arithmetic on minor units: allocation and rounding half away from zero.</summary>
internal static class MinorUnitMath
{
    /// <summary>Klarna's upper limit for unit prices and line totals, in minor units.</summary>
    public const long KlarnaMaxAmount = 100_000_000;

    /// <summary>Splits <paramref name="total"/> by <paramref name="weights"/> (largest remainder, ties to the lower index).</summary>
    public static long[] Allocate(long total, ReadOnlySpan<long> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        Int128 weightSum = 0;
        foreach (long w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w, nameof(weights));
            weightSum += w;
        }

        if (weightSum == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        // A negative total is split as the mirror image of its magnitude, so -x and x allocate symmetrically.
        Int128 magnitude = total < 0 ? -(Int128)total : total;
        var parts = new Int128[weights.Length];
        var remainders = new Int128[weights.Length];
        Int128 allocated = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            Int128 product = magnitude * weights[i];
            parts[i] = product / weightSum;
            remainders[i] = product % weightSum;
            allocated += parts[i];
        }

        Int128 leftover = magnitude - allocated;
        Debug.Assert(leftover >= 0 && leftover < weights.Length, "Floor shares leave less than one unit per part.");

        int[] order = new int[weights.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (int k = 0; k < leftover; k++)
        {
            parts[order[k]]++;
        }

        var result = new long[weights.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (long)(total < 0 ? -parts[i] : parts[i]);
        }

        return result;
    }

    /// <summary>Returns <c>round(value × numerator / denominator)</c>, half away from zero, exactly.</summary>
    public static long MulDivRound(long value, long numerator, long denominator) =>
        (long)RoundDiv((Int128)value * numerator, denominator);

    /// <summary>Cumulative rounding: the part of <paramref name="total"/> through <paramref name="through"/> of <paramref name="of"/>, i.e. <c>round(total × through / of)</c>, exactly.</summary>
    public static long Cumulative(long total, decimal through, decimal of)
    {
        if (through == of)
        {
            return total;
        }

        (BigInteger tn, int ts) = Split(through);
        (BigInteger on, int os) = Split(of);
        BigInteger numerator = total * tn * BigInteger.Pow(10, os);
        BigInteger denominator = on * BigInteger.Pow(10, ts);
        return (long)RoundDiv(numerator, denominator);
    }

    /// <summary>Returns <c>round(value × factor)</c> for a decimal factor, half away from zero, exactly.</summary>
    public static long MultiplyRound(long value, decimal factor)
    {
        (BigInteger fn, int fs) = Split(factor);
        return (long)RoundDiv(value * fn, BigInteger.Pow(10, fs));
    }

    /// <summary>Converts a major-unit decimal to minor units when it is a whole number of them.</summary>
    public static bool TryToMinorUnitsExact(decimal amount, int digits, out long minorUnits)
    {
        minorUnits = 0;
        (BigInteger mantissa, int scale) = Split(amount);
        BigInteger scaled = mantissa * BigInteger.Pow(10, digits);
        BigInteger divisor = BigInteger.Pow(10, scale);
        if (!BigInteger.Remainder(scaled, divisor).IsZero)
        {
            return false;
        }

        BigInteger whole = scaled / divisor;
        if (whole < long.MinValue || whole > long.MaxValue)
        {
            return false;
        }

        minorUnits = (long)whole;
        return true;
    }

    /// <summary>Converts a decimal that must be a whole number (for example quantity × price in minor units).</summary>
    public static bool TryToWhole(decimal value, out long whole) => TryToMinorUnitsExact(value, 0, out whole);

    /// <summary>Converts a percent with at most two decimals to basis points (25.5 → 2550).</summary>
    public static bool TryToBasisPoints(decimal percent, out int basisPoints)
    {
        basisPoints = 0;
        if (!TryToMinorUnitsExact(percent, 2, out long bp) || bp < int.MinValue || bp > int.MaxValue)
        {
            return false;
        }

        basisPoints = (int)bp;
        return true;
    }

    private static Int128 RoundDiv(Int128 numerator, Int128 denominator)
    {
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        Int128 magnitude = numerator < 0 ? -numerator : numerator;
        Int128 quotient = Int128.DivRem(magnitude, denominator).Quotient;
        Int128 remainder = magnitude - (quotient * denominator);
        if (remainder * 2 >= denominator)
        {
            quotient++;
        }

        return numerator < 0 ? -quotient : quotient;
    }

    private static BigInteger RoundDiv(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        BigInteger quotient = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out BigInteger remainder);
        if (remainder * 2 >= denominator)
        {
            quotient++;
        }

        return numerator.Sign < 0 ? -quotient : quotient;
    }

    private static (BigInteger Mantissa, int Scale) Split(decimal value)
    {
        int scale = value.Scale;
        decimal shifted = value * Money.Pow10(scale);
        return (new BigInteger(shifted), scale);
    }
}
