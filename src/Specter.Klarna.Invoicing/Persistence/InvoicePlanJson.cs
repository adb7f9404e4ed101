using System.Text.Json;
using Specter.Klarna.Invoicing.Persistence.Internal;

namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>Stores an <see cref="InvoicePlan"/> as JSON, for ledgers on any database (source-generated, AOT-safe).</summary>
/// <remarks>
/// <para><see cref="Money"/> is written as <c>{ "minorUnits": 12345, "currency": "SEK" }</c> (exact whole minor units, for example öre);
/// quantities and rates keep their exact decimal digits; enums are written by name; non-ASCII text is written unescaped.</para>
/// <para><c>Deserialize(Serialize(plan))</c> equals <c>plan</c> in every property.</para>
/// </remarks>
public static class InvoicePlanJson
{
    /// <summary>Writes a plan as JSON.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(InvoicePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(plan, LedgerJsonContext.Storage.InvoicePlan);
    }

    /// <summary>Reads a plan written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="JsonException"><paramref name="json"/> is not a stored plan.</exception>
    public static InvoicePlan Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, LedgerJsonContext.Storage.InvoicePlan)
            ?? throw new JsonException("A stored invoice plan is null.");
    }
}
