using System.Diagnostics.CodeAnalysis;

namespace Specter.Klarna.Invoicing;

/// <summary>An ISO 4217 currency with its number of minor-unit digits (SEK 2, JPY 0).</summary>
/// <remarks><c>default(Currency)</c> is invalid; obtain currencies from the static properties or <see cref="FromCode"/>.</remarks>
public readonly partial struct Currency : IEquatable<Currency>
{
    // One reference to the currency's shared description (not the code and the digits side by side): a Money is then
    // 16 bytes instead of 24, and an invoice line carries three of them.
    private readonly CurrencyInfo? _info;

    private Currency(CurrencyInfo info) => _info = info;

    /// <summary>Gets the upper-case ISO 4217 code, for example <c>SEK</c>.</summary>
    /// <exception cref="InvalidOperationException">The currency is <see langword="default"/>.</exception>
    public string Code => _info?.Code ?? throw new InvalidOperationException("default(Currency) is not a currency; use Currency.FromCode or a static property.");

    /// <summary>Gets the number of minor-unit digits (the ISO 4217 exponent): 2 for SEK, 0 for JPY.</summary>
    public int MinorUnitDigits => _info?.Digits ?? 0;

    /// <summary>Gets a value indicating whether this is a real currency (not <see langword="default"/>).</summary>
    public bool IsValid => _info is not null;

    private string? CodeOrNull => _info?.Code;

    /// <summary>Gets the currency for an ISO 4217 code (case-insensitive).</summary>
    /// <param name="code">The code, for example <c>SEK</c>.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a supported ISO 4217 currency.</exception>
    public static Currency FromCode(string code) =>
        TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a supported ISO 4217 currency code. Supported: {string.Join(", ", CurrencyTable.Codes)}.", nameof(code));

    /// <summary>Tries to get the currency for an ISO 4217 code (case-insensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="currency">The currency, when found.</param>
    /// <returns><see langword="true"/> when the code is a supported currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && CurrencyTable.TryGet(code, out var info))
        {
            currency = new Currency(info);
            return true;
        }

        currency = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => ReferenceEquals(_info, other._info);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => CodeOrNull is { } code ? StringComparer.Ordinal.GetHashCode(code) : 0;

    /// <summary>Returns the ISO code, or an empty string for <see langword="default"/>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => CodeOrNull ?? string.Empty;

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}
