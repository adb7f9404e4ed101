using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A stored refund.</summary>
internal sealed class RefundState
{
    public required string RefundId { get; init; }

    public required long RefundedAmount { get; init; }

    public required DateTimeOffset RefundedAt { get; init; }

    public string? Description { get; init; }

    public string? Reference { get; init; }

    public string? IdempotencyKey { get; init; }

    public JsonArray OrderLines { get; init; } = [];
}
