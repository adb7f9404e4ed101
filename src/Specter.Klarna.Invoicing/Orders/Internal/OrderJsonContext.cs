using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>Source-generated JSON metadata for the order input (AOT-safe). Unknown fields are refused so typos are not silently ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(OrderJsonDto))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
