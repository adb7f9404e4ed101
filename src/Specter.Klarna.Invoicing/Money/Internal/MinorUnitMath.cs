using System.Diagnostics;
using System.Numerics;

// Longer than ~150 lines on purpose: every exact minor-unit operation (conversion, multiply-and-round, cumulative
// allocation) shares one rounding rule (MidpointRounding.AwayFromZero) and one set of overflow bounds, kept together.
// The Money layer's helpers. Not "...Money.Internal": a namespace named Money would clash with the Money type, so the
// namespace says what the helpers are about (amounts in minor units) and stays apart from the orchestration's .Internal.
namespace Specter.Klarna.Invoicing.Amounts.Internal;

/// <summary>Exact integer arithmetic on minor units: allocation and rounding half away from zero.</summary>
internal static class MinorUnitMath
{
    /// <summary>The largest digit count <see cref="TryToMinorUnitsExact"/> converts in 128-bit integers (2^96 × 10^9 &lt; 2^126).</summary>
    private const int MaxFastDigits = 9;

    private static readonly Int128[] Pow10Table = CreatePow10Table();

    /// <summary>10^0 … 10^18: the powers of ten a <see cref="long"/> holds.</summary>
    private static readonly long[] Pow10Long = [.. Enumerable.Range(0, 19).Select(i => (long)Pow10Table[i])];

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
        TryMultiply(value, numerator, out long product) && denominator > 0
            ? RoundDiv(product, denominator) // 64-bit hardware division: every VAT and share of a realistic invoice
            : (long)RoundDiv((Int128)value * numerator, denominator);

    /// <summary>Cumulative rounding: the part of <paramref name="total"/> through <paramref name="through"/> of <paramref name="of"/>, i.e. <c>round(total × through / of)</c>, exactly.</summary>
    public static long Cumulative(long total, decimal through, decimal of)
    {
        if (through == of)
        {
            return total;
        }

        if (TrySplit(through, out long throughMantissa, out int throughScale) && TrySplit(of, out long ofMantissa, out int ofScale)
            && throughScale < Pow10Long.Length && ofScale < Pow10Long.Length
            && TryMultiply(total, throughMantissa, out long partial) && TryMultiply(partial, Pow10Long[ofScale], out long numerator64)
            && TryMultiply(ofMantissa, Pow10Long[throughScale], out long denominator64) && denominator64 > 0)
        {
            // The same formula in 64 bits when nothing overflows (quantities like 3 of 4 or 1.5 of 2.25 kg).
            return RoundDiv(numerator64, denominator64);
        }

        (Int128 tn, int ts) = Split(through);
        (Int128 on, int os) = Split(of);
        if (FitsProduct(total, tn, Pow10Table[os]) && FitsProduct(on, Pow10Table[ts], 1))
        {
            // Same formula in 128-bit integers when no intermediate can pass 126 bits (every realistic quantity).
            return checked((long)RoundDiv(total * tn * Pow10Table[os], on * Pow10Table[ts]));
        }

        BigInteger numerator = total * (BigInteger)tn * BigInteger.Pow(10, os);
        BigInteger denominator = (BigInteger)on * BigInteger.Pow(10, ts);
        return (long)RoundDiv(numerator, denominator);
    }

    /// <summary>Returns <c>round(value × factor)</c> for a decimal factor, half away from zero, exactly.</summary>
    public static long MultiplyRound(long value, decimal factor)
    {
        if (TrySplit(factor, out long mantissa, out int scale) && scale < Pow10Long.Length && TryMultiply(value, mantissa, out long product))
        {
            // 64 bits when the product fits: a price × a quantity, an amount × a percent.
            return RoundDiv(product, Pow10Long[scale]);
        }

        (Int128 fn, int fs) = Split(factor);
        if (FitsProduct(value, fn, 1))
        {
            return checked((long)RoundDiv(value * fn, Pow10Table[fs]));
        }

        return (long)RoundDiv(value * (BigInteger)fn, BigInteger.Pow(10, fs));
    }

    /// <summary>Converts a major-unit decimal to minor units when it is a whole number of them.</summary>
    public static bool TryToMinorUnitsExact(decimal amount, int digits, out long minorUnits)
    {
        if (digits >= 0 && digits < Pow10Long.Length && TrySplit(amount, out long small, out int smallScale))
        {
            // The usual case in 64 bits: 49.90 with two digits is the mantissa 4990 as it is (or × 10^k when shorter).
            bool exact;
            if (smallScale <= digits)
            {
                exact = TryMultiply(small, Pow10Long[digits - smallScale], out minorUnits);
                minorUnits = exact ? minorUnits : 0;
                return exact;
            }

            if (smallScale - digits < Pow10Long.Length)
            {
                long smallDivisor = Pow10Long[smallScale - digits];
                exact = small % smallDivisor == 0;
                minorUnits = exact ? small / smallDivisor : 0;
                return exact;
            }
        }

        minorUnits = 0;
        (Int128 mantissa, int scale) = Split(amount);
        if (digits is >= 0 and <= MaxFastDigits)
        {
            // A decimal's mantissa has 96 bits, so mantissa × 10^digits (≤ 10^9) stays below 2^126: exact in 128 bits.
            // mantissa × 10^digits / 10^scale, without dividing when the decimal has no more decimals than the currency
            // (the usual case: 49.90 with two digits is 4990 as it is).
            (Int128 quotient, Int128 remainder) = scale <= digits
                ? (mantissa * Pow10Table[digits - scale], Int128.Zero)
                : Int128.DivRem(mantissa, Pow10Table[scale - digits]);
            if (remainder != 0 || quotient < long.MinValue || quotient > long.MaxValue)
            {
                return false;
            }

            minorUnits = (long)quotient;
            return true;
        }

        BigInteger scaled = (BigInteger)mantissa * BigInteger.Pow(10, digits);
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

    /// <summary><c>round(numerator / denominator)</c> half away from zero, for a positive denominator.</summary>
    private static long RoundDiv(long numerator, long denominator)
    {
        Debug.Assert(denominator > 0 && numerator != long.MinValue, "Callers pass a positive denominator and a negatable numerator.");
        long magnitude = numerator < 0 ? -numerator : numerator;
        long quotient = magnitude / denominator;
        long remainder = magnitude - (quotient * denominator);
        if (remainder >= denominator - remainder)
        {
            quotient++;
        }

        return numerator < 0 ? -quotient : quotient;
    }

    /// <summary>
    /// <c>a × b</c> when it fits in 64 bits with room to negate (never <see cref="long.MinValue"/>), so the 64-bit paths
    /// can take its magnitude; otherwise <see langword="false"/> and the caller falls back to 128 bits or
    /// <see cref="BigInteger"/>.
    /// </summary>
    private static bool TryMultiply(long a, long b, out long product)
    {
        long high = Math.BigMul(a, b, out product);
        return high == (product >> 63) && product != long.MinValue;
    }

    /// <summary>The mantissa and scale of a decimal whose mantissa fits in 63 bits (every price, quantity and rate an ERP sends).</summary>
    private static bool TrySplit(decimal value, out long mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        _ = decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        ulong low = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || low > long.MaxValue)
        {
            mantissa = 0;
            return false;
        }

        mantissa = bits[3] < 0 ? -(long)low : (long)low;
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

    /// <summary>The integer mantissa and scale of a decimal (value = mantissa / 10^scale), read from its bits: exact, no arithmetic.</summary>
    private static (Int128 Mantissa, int Scale) Split(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        _ = decimal.GetBits(value, bits);
        var magnitude = new Int128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        return (bits[3] < 0 ? -magnitude : magnitude, value.Scale);
    }

    /// <summary>Whether |a × b × c| is certainly below 2^126, so the product and a rounding step on it cannot overflow 128 bits.</summary>
    private static bool FitsProduct(Int128 a, Int128 b, Int128 c) => BitLength(a) + BitLength(b) + BitLength(c) <= 126;

    private static int BitLength(Int128 value) => 128 - (int)Int128.LeadingZeroCount(Int128.Abs(value));

    private static Int128[] CreatePow10Table()
    {
        // 10^0 … 10^28: every scale a decimal can have.
        var table = new Int128[29];
        table[0] = 1;
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1] * 10;
        }

        return table;
    }
}
