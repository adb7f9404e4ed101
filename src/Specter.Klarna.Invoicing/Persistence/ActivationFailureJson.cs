using System.Text.Json;
using Specter.Klarna.Invoicing.Persistence.Internal;

namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>Stores an <see cref="ActivationFailure"/> (<see cref="LedgerInvoice.LastFailure"/>) as JSON, for ledgers on any database (source-generated, AOT-safe).</summary>
public static class ActivationFailureJson
{
    /// <summary>Writes a failure as JSON.</summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ActivationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return JsonSerializer.Serialize(failure, LedgerJsonContext.Storage.ActivationFailure);
    }

    /// <summary>Reads a failure written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The failure.</returns>
    /// <exception cref="JsonException"><paramref name="json"/> is not a stored failure.</exception>
    public static ActivationFailure Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, LedgerJsonContext.Storage.ActivationFailure)
            ?? throw new JsonException("A stored activation failure is null.");
    }
}
