namespace Specter.Klarna.Invoicing.Orders.Internal;

/// <summary>
/// The one place that decides whether a Klarna resource id (order, capture or refund id) is well-formed. The order
/// validator, the Klarna client (before it builds a URL) and the idempotency key builder all use it.
/// </summary>
/// <remarks>
/// Klarna's ids are UUIDs; we accept letters, digits, '-' and '_' (at most 255 characters), so an id can never add a
/// path segment ('/', '.', '..'), a query, an escape or a control character to a URL, nor collide inside a key name.
/// </remarks>
internal static class KlarnaOrderIdRules
{
    public const int MaxLength = 255;

    /// <summary>Returns <see langword="null"/> when <paramref name="id"/> is well-formed, else why not (a sentence fragment).</summary>
    public static string? Check(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "is empty";
        }

        if (id.Length > MaxLength)
        {
            return $"is {id.Length} characters; at most {MaxLength} are allowed";
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return char.IsControl(c) || char.IsWhiteSpace(c)
                    ? $"contains the control or space character U+{(int)c:X4}; only letters, digits, '-' and '_' are allowed"
                    : $"contains '{c}'; only letters, digits, '-' and '_' are allowed";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when <paramref name="id"/> is malformed.</summary>
    public static string ThrowIfInvalid(string? id, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        if (Check(id) is { } reason)
        {
            throw new ArgumentException($"The Klarna id {parameterName} {reason}.", parameterName);
        }

        return id;
    }
}
