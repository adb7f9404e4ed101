namespace Specter.Klarna.Invoicing;

/// <summary>The status of a Klarna order, as an extensible value: a status Klarna adds later never breaks reading an order.</summary>
/// <param name="value">The status string as Klarna sends it.</param>
public readonly struct KlarnaOrderStatus(string value) : IEquatable<KlarnaOrderStatus>
{
    private readonly string? _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Gets the authorized status: nothing captured yet.</summary>
    public static KlarnaOrderStatus Authorized { get; } = new("AUTHORIZED");

    /// <summary>Gets the part-captured status: some captures, some authorization remains.</summary>
    public static KlarnaOrderStatus PartCaptured { get; } = new("PART_CAPTURED");

    /// <summary>Gets the captured status: fully captured.</summary>
    public static KlarnaOrderStatus Captured { get; } = new("CAPTURED");

    /// <summary>Gets the cancelled status.</summary>
    public static KlarnaOrderStatus Cancelled { get; } = new("CANCELLED");

    /// <summary>Gets the expired status: the authorization ran out.</summary>
    public static KlarnaOrderStatus Expired { get; } = new("EXPIRED");

    /// <summary>Gets the closed status.</summary>
    public static KlarnaOrderStatus Closed { get; } = new("CLOSED");

    /// <summary>Gets the status string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a status string.</summary>
    /// <param name="value">The status string.</param>
    public static implicit operator KlarnaOrderStatus(string value) => new(value);

    /// <summary>Compares two statuses (case-insensitive).</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(KlarnaOrderStatus left, KlarnaOrderStatus right) => left.Equals(right);

    /// <summary>Compares two statuses (case-insensitive).</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(KlarnaOrderStatus left, KlarnaOrderStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(KlarnaOrderStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KlarnaOrderStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
