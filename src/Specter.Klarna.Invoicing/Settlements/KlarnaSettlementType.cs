namespace Specter.Klarna.Invoicing;

/// <summary>How a Klarna merchant is settled (NET or GROSS), as an extensible value.</summary>
/// <param name="value">The value as Klarna sends it.</param>
public readonly struct KlarnaSettlementType(string value) : IEquatable<KlarnaSettlementType>
{
    private readonly string? _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Gets net settlement: fees are deducted in the payout.</summary>
    public static KlarnaSettlementType Net { get; } = new("NET");

    /// <summary>Gets gross settlement: fees are invoiced separately.</summary>
    public static KlarnaSettlementType Gross { get; } = new("GROSS");

    /// <summary>Gets the fee payout of a gross-settled merchant.</summary>
    public static KlarnaSettlementType GrossFee { get; } = new("GROSS_FEE");

    /// <summary>Gets the value as Klarna sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a string.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KlarnaSettlementType(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(KlarnaSettlementType left, KlarnaSettlementType right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(KlarnaSettlementType left, KlarnaSettlementType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(KlarnaSettlementType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KlarnaSettlementType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
