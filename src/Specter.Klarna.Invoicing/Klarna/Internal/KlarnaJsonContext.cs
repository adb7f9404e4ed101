using System.Text.Json.Serialization;
using Specter.Klarna.Invoicing.Klarna.Internal.Models;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>The only JSON (de)serializer of the Klarna client: source-generated, snake_case, nulls omitted; an answer with a duplicated field is refused (which one would be true?).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CaptureRequestDto))]
[JsonSerializable(typeof(RefundRequestDto))]
[JsonSerializable(typeof(UpdateAuthorizationRequestDto))]
[JsonSerializable(typeof(UpdateMerchantReferencesRequestDto))]
[JsonSerializable(typeof(UpdateShippingInfoRequestDto))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(CaptureDto))]
[JsonSerializable(typeof(List<CaptureDto>))]
[JsonSerializable(typeof(RefundDto))]
[JsonSerializable(typeof(ErrorDto))]
internal sealed partial class KlarnaJsonContext : JsonSerializerContext
{
}
