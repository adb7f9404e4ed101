using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Persistence.Internal;

/// <summary>Writes <see cref="Money"/> as <c>{ "minorUnits": 12345, "currency": "SEK" }</c>: exact whole minor units, never a decimal.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be an object { \"minorUnits\": …, \"currency\": … }.");
        }

        long? minorUnits = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            switch (name)
            {
                case "minorUnits":
                    minorUnits = reader.GetInt64();
                    break;
                case "currency":
                    currency = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (minorUnits is null || !Currency.TryFromCode(currency, out var parsed))
        {
            throw new JsonException($"Money needs an integer \"minorUnits\" and a supported ISO 4217 \"currency\" (got '{currency}').");
        }

        return new Money(minorUnits.Value, parsed);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("minorUnits", value.MinorUnits);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }
}
