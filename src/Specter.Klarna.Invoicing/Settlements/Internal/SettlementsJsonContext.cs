using System.Text.Json.Serialization;
using Specter.Klarna.Invoicing.Settlements.Internal.Models;

namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>The Settlements client's JSON reader: source-generated, snake_case, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PayoutDto))]
[JsonSerializable(typeof(PayoutCollectionDto))]
[JsonSerializable(typeof(TransactionCollectionDto))]
[JsonSerializable(typeof(List<PayoutSummaryDto?>))]
internal sealed partial class SettlementsJsonContext : JsonSerializerContext
{
}
