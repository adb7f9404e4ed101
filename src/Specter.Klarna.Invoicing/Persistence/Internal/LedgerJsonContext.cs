using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing.Persistence.Internal;

/// <summary>Source-generated (AOT-safe) JSON metadata for what a ledger stores as JSON: the invoice plan and the last failure.</summary>
/// <remarks>Enums are written by name so a stored row stays readable if an enum gains members; unknown fields are skipped so an older reader survives a newer writer.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(MoneyJsonConverter)])]
[JsonSerializable(typeof(InvoicePlan))]
[JsonSerializable(typeof(ActivationFailure))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext
{
    private static LedgerJsonContext? s_storage;

    /// <summary>Gets the context used for storage: non-ASCII text is written as-is (the JSON goes to a database, never into HTML).</summary>
    /// <remarks>Built on first use: the generated <see cref="Default"/> lives in another part of this partial class, whose static initializers run in no defined order.</remarks>
    internal static LedgerJsonContext Storage => s_storage ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
