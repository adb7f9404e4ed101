using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>
/// Source-generated JSON metadata for the order input (AOT-safe). Unknown fields are refused so typos are not silently
/// ignored; duplicate fields are refused rather than last-one-wins; amounts are plain numbers only (<see cref="StrictDecimalJsonConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(StrictDecimalJsonConverter)],
    WriteIndented = true)]
[JsonSerializable(typeof(OrderJsonDto))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
