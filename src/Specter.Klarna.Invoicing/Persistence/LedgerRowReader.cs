using System.Text.Json;

namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>
/// Helpers for ledgers on a database: read a stored row into a <see cref="LedgerInvoice"/> so that a row this version
/// cannot understand fails loudly with <see cref="KlarnaLedgerRowException"/> instead of becoming a default value.
/// </summary>
public static class LedgerRowReader
{
    /// <summary>Converts a stored state number, refusing one this version does not know (for example written by a newer version).</summary>
    /// <param name="invoiceNumber">The row's invoice number, for the error.</param>
    /// <param name="stored">The stored number.</param>
    /// <returns>The state.</returns>
    /// <exception cref="KlarnaLedgerRowException">The number is not an <see cref="ActivationState"/> this version knows.</exception>
    public static ActivationState State(string invoiceNumber, long stored)
    {
        // An unknown state read as a known one could make recovery re-send, or skip, money it must not.
        if (stored is < int.MinValue or > int.MaxValue || !Enum.IsDefined((ActivationState)(int)stored))
        {
            throw new KlarnaLedgerRowException(invoiceNumber, $"state {stored} is unknown to this version of the package", null);
        }

        return (ActivationState)(int)stored;
    }

    /// <summary>Converts a stored document kind, refusing one this version does not know (a credit must never be read as an invoice).</summary>
    /// <param name="invoiceNumber">The row's invoice number, for the error.</param>
    /// <param name="stored">The stored number.</param>
    /// <returns>The document kind.</returns>
    /// <exception cref="KlarnaLedgerRowException">The number is not a <see cref="LedgerDocumentKind"/> this version knows.</exception>
    public static LedgerDocumentKind DocumentKind(string invoiceNumber, long stored)
    {
        if (stored is < int.MinValue or > int.MaxValue || !Enum.IsDefined((LedgerDocumentKind)(int)stored))
        {
            throw new KlarnaLedgerRowException(invoiceNumber, $"document kind {stored} is unknown to this version of the package", null);
        }

        return (LedgerDocumentKind)(int)stored;
    }

    /// <summary>Runs a row mapping, turning any failure to read it (bad JSON, an unknown currency, a wrong type) into <see cref="KlarnaLedgerRowException"/>.</summary>
    /// <param name="invoiceNumber">The row's invoice number, for the error.</param>
    /// <param name="map">Reads the row.</param>
    /// <returns>The invoice.</returns>
    /// <exception cref="KlarnaLedgerRowException">The row cannot be read.</exception>
    public static LedgerInvoice Read(string invoiceNumber, Func<LedgerInvoice> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            return map();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException
            or (InvalidOperationException and not KlarnaLedgerRowException))
        {
            throw new KlarnaLedgerRowException(invoiceNumber, ex.GetType().Name + ": " + FirstSentence(ex.Message), ex);
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
