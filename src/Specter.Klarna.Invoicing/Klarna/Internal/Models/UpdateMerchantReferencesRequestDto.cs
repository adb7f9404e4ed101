using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Klarna.Internal.Models;

/// <summary>Wire shape of <c>Update merchant references</c>.</summary>
internal sealed class UpdateMerchantReferencesRequestDto
{
    [JsonPropertyName("merchant_reference1")]
    public string? MerchantReference1 { get; set; }

    [JsonPropertyName("merchant_reference2")]
    public string? MerchantReference2 { get; set; }
}
