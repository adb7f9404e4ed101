using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>How the simulator allocates a refund to the order's captures (Klarna's "consumer invoices").</summary>
/// <remarks>
/// Klarna allocates a refund to the capture whose order lines carry the same <c>reference</c> values, when the refund is not
/// more than that capture's amount; otherwise it accepts the refund without allocating it to the right invoice. The
/// simulator takes the oldest capture that carries every refund line's reference and has enough left; a refund without
/// line references, or matching none, is spread over the captures oldest first.
/// </remarks>
internal static class RefundAllocation
{
    public static void Allocate(List<CaptureState> captures, long amount, JsonElement? lines)
    {
        var references = References(lines);
        if (references.Count > 0)
        {
            var target = captures.Find(c => c.CapturedAmount - c.RefundedAmount >= amount && references.All(r => Carries(c, r)));
            if (target is not null)
            {
                target.RefundedAmount += amount;
                return;
            }
        }

        long left = amount;
        foreach (var capture in captures)
        {
            long share = Math.Min(left, capture.CapturedAmount - capture.RefundedAmount);
            capture.RefundedAmount += share;
            left -= share;
        }
    }

    /// <summary>Whether the refund has a return fee line (Klarna's <c>return_fee</c> type).</summary>
    public static bool HasReturnFee(JsonElement? lines) =>
        lines is { ValueKind: JsonValueKind.Array } l && l.EnumerateArray().Any(line =>
            line.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "return_fee");

    private static HashSet<string> References(JsonElement? lines)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        if (lines is { ValueKind: JsonValueKind.Array } l)
        {
            foreach (var line in l.EnumerateArray())
            {
                if (line.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String && reference.GetString() is { Length: > 0 } text)
                {
                    references.Add(text);
                }
            }
        }

        return references;
    }

    private static bool Carries(CaptureState capture, string reference) =>
        capture.OrderLines.Any(line => line?["reference"] is { } node && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() == reference);
}
