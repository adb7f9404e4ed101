namespace Specter.Klarna.Invoicing.Testing;

/// <summary>Options of a <see cref="KlarnaSimulator"/>.</summary>
public sealed class KlarnaSimulatorOptions
{
    /// <summary>Gets or sets the clock that drives authorization expiry, idempotency-key lifetime, rate-limit windows and delay faults.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the account's authorization period, used for new orders' <c>expires_at</c> and by extend-authorization-time.</summary>
    /// <value>The default value is 28 days (Klarna's standard period).</value>
    public TimeSpan AuthorizationPeriod { get; set; } = TimeSpan.FromDays(28);

    /// <summary>Gets or sets how long after creation an order's authorization may still be extended.</summary>
    /// <value>The default value is 180 days.</value>
    public TimeSpan MaximumAuthorizationExtensionWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Gets or sets how long the first response under a <c>Klarna-Idempotency-Key</c> is replayed.</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets a value indicating whether injected 5xx answers are stored under the idempotency key and replayed.</summary>
    /// <remarks>
    /// <para>Klarna does not document whether it stores 5xx answers under a key. When <see langword="false"/>, a
    /// 503 injected before applying is not stored (a same-key retry executes the operation), and a 500 or malformed answer
    /// injected after applying leaves the real outcome stored (a same-key retry gets the original 201).
    /// When <see langword="true"/>, the injected answer itself is stored and replayed for the key's lifetime.</para>
    /// </remarks>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool StoreInjectedServerErrors { get; set; }

    /// <summary>Gets or sets the number of requests a merchant may make per second; <see langword="null"/> disables rate limiting.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? RequestsPerSecondPerMerchant { get; set; }

    /// <summary>Gets or sets a value indicating whether request bodies with fields Klarna does not define, and Settlements queries with parameters it does not define, are rejected with 400 <c>BAD_VALUE</c>.</summary>
    /// <remarks>Stricter than Klarna is known to be (whether Klarna ignores unknown fields is unconfirmed), so that a
    /// misspelled field name in a client (<c>capturedAmount</c>, <c>orderLines</c>) fails in tests instead of being dropped.</remarks>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RejectUnknownFields { get; set; } = true;

    /// <summary>Gets or sets Klarna's percentage fee on each sale in a payout, in basis points (299 = 2.99 %), rounded half away from zero to the minor unit.</summary>
    /// <value>The default value is 0 (no percentage fee line).</value>
    public int PayoutFeeRate { get; set; }

    /// <summary>Gets or sets Klarna's fixed fee on each sale in a payout, in minor units.</summary>
    /// <value>The default value is 0 (no fixed fee line).</value>
    public long PayoutFixedFee { get; set; }

    /// <summary>Gets or sets the VAT rate on Klarna's fees, in basis points (2500 = 25 %); the VAT is rounded half away from zero.</summary>
    /// <value>The default value is 2500.</value>
    public int PayoutFeeVatRate { get; set; } = 2500;

    /// <summary>Gets or sets the merchants' settlement type: <c>NET</c> (fees and their VAT deducted in the payout), or <c>GROSS</c> (fee lines listed, invoiced separately, not deducted). Klarna's <c>GROSS_FEE</c> (the separate fee invoice) is not simulated.</summary>
    /// <value>The default value is <c>NET</c>.</value>
    public string MerchantSettlementType { get; set; } = "NET";
}
