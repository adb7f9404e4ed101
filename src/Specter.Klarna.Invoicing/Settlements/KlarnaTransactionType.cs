namespace Specter.Klarna.Invoicing;

/// <summary>The type of a Klarna settlement transaction, as an extensible value: a type Klarna adds later never breaks reading a payout.</summary>
/// <param name="value">The value as Klarna sends it.</param>
public readonly struct KlarnaTransactionType(string value) : IEquatable<KlarnaTransactionType>
{
    private readonly string? _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Gets a sale: a capture paid out (+).</summary>
    public static KlarnaTransactionType Sale { get; } = new("SALE");

    /// <summary>Gets a Klarna fee on a sale (−).</summary>
    public static KlarnaTransactionType Fee { get; } = new("FEE");

    /// <summary>Gets a fee Klarna refunds (+).</summary>
    public static KlarnaTransactionType FeeRefund { get; } = new("FEE_REFUND");

    /// <summary>Gets a refund the merchant registered (−).</summary>
    public static KlarnaTransactionType Return { get; } = new("RETURN");

    /// <summary>Gets a refund Klarna registered in a dispute (−).</summary>
    public static KlarnaTransactionType Reversal { get; } = new("REVERSAL");

    /// <summary>Gets a reversal credited back under merchant protection (+).</summary>
    public static KlarnaTransactionType ReversalMerchantProtection { get; } = new("REVERSAL_MERCHANT_PROTECTION");

    /// <summary>Gets a commission Klarna pays (+).</summary>
    public static KlarnaTransactionType Commission { get; } = new("COMMISSION");

    /// <summary>Gets a correction; its amount is signed.</summary>
    public static KlarnaTransactionType Correction { get; } = new("CORRECTION");

    /// <summary>Gets money Klarna withholds, for example a rolling reserve (−).</summary>
    public static KlarnaTransactionType Holdback { get; } = new("HOLDBACK");

    /// <summary>Gets money released from a holdback (+).</summary>
    public static KlarnaTransactionType Release { get; } = new("RELEASE");

    /// <summary>Gets a miscellaneous credit (+).</summary>
    public static KlarnaTransactionType Credit { get; } = new("CREDIT");

    /// <summary>Gets a miscellaneous charge (−).</summary>
    public static KlarnaTransactionType Charge { get; } = new("CHARGE");

    /// <summary>Gets tax (undocumented by Klarna; treated as a charge, −).</summary>
    public static KlarnaTransactionType Tax { get; } = new("TAX");

    /// <summary>Gets the value as Klarna sent it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a string.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator KlarnaTransactionType(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(KlarnaTransactionType left, KlarnaTransactionType right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(KlarnaTransactionType left, KlarnaTransactionType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(KlarnaTransactionType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KlarnaTransactionType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
