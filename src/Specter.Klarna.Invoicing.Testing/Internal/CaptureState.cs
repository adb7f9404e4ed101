using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A stored capture. Mutated only under the engine lock.</summary>
internal sealed class CaptureState
{
    public required string CaptureId { get; init; }

    public required string KlarnaReference { get; init; }

    public required long CapturedAmount { get; init; }

    public required DateTimeOffset CapturedAt { get; init; }

    public string? Description { get; init; }

    public string? Reference { get; init; }

    public string? IdempotencyKey { get; init; }

    public JsonArray OrderLines { get; init; } = [];

    public JsonArray ShippingInfo { get; set; } = [];

    public long RefundedAmount { get; set; }
}
