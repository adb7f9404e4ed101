using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>
/// Reads order amounts as plain JSON numbers only: no strings, no exponent notation and no more digits than
/// <see cref="decimal"/> holds exactly, because the default reader rounds a 30-digit value silently.
/// </summary>
internal sealed class StrictDecimalJsonConverter : JsonConverter<decimal>
{
    private const int MaxSignificantDigits = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"A number is required, not a {reader.TokenType}; write it without quotes (NaN and Infinity are not numbers).");
        }

        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (raw.IndexOfAny((byte)'e', (byte)'E') >= 0)
        {
            throw new JsonException("Exponent notation is not accepted for amounts; write the number out (100, not 1e2).");
        }

        if (SignificantDigits(raw) > MaxSignificantDigits)
        {
            throw new JsonException($"The number has more than {MaxSignificantDigits} significant digits and cannot be kept exactly.");
        }

        return decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("The number is out of range.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }

    private static int SignificantDigits(ReadOnlySpan<byte> raw)
    {
        int first = -1, last = -1, count = 0;
        int point = raw.IndexOf((byte)'.');
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] is >= (byte)'1' and <= (byte)'9')
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return 0;
        }

        // Trailing zeros before the decimal point are significant (they carry magnitude); after it they are not.
        int end = point >= 0 && last > point ? last : (point >= 0 ? point - 1 : raw.Length - 1);
        for (int i = first; i <= end; i++)
        {
            count += raw[i] is >= (byte)'0' and <= (byte)'9' ? 1 : 0;
        }

        return count;
    }
}
