namespace Specter.Klarna.Invoicing;

/// <summary>The fraud status of a Klarna order, as an extensible value: a status Klarna adds later never breaks reading an order.</summary>
/// <param name="value">The status string as Klarna sends it.</param>
public readonly struct KlarnaFraudStatus(string value) : IEquatable<KlarnaFraudStatus>
{
    private readonly string? _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Gets the accepted fraud status: the order may be captured.</summary>
    public static KlarnaFraudStatus Accepted { get; } = new("ACCEPTED");

    /// <summary>Gets the pending fraud status: under review; do not ship or capture yet.</summary>
    public static KlarnaFraudStatus Pending { get; } = new("PENDING");

    /// <summary>Gets the rejected fraud status: never capture.</summary>
    public static KlarnaFraudStatus Rejected { get; } = new("REJECTED");

    /// <summary>Gets the status string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a status string.</summary>
    /// <param name="value">The status string.</param>
    public static implicit operator KlarnaFraudStatus(string value) => new(value);

    /// <summary>Compares two statuses (case-insensitive).</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(KlarnaFraudStatus left, KlarnaFraudStatus right) => left.Equals(right);

    /// <summary>Compares two statuses (case-insensitive).</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(KlarnaFraudStatus left, KlarnaFraudStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(KlarnaFraudStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KlarnaFraudStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
