namespace Specter.Klarna.Invoicing;

/// <summary>Options of payment marking from Klarna payouts.</summary>
public sealed class KlarnaPaymentMarkingOptions
{
    /// <summary>Gets or sets how long after its capture an invoice unpaid by any imported payout is listed by <see cref="IKlarnaPaymentMarking.ListUnpaidCapturesAsync"/>.</summary>
    /// <value>The default value is 14 days.</value>
    public TimeSpan UnpaidAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Gets or sets how far back the scheduled import looks for payouts on each run (re-importing is harmless).</summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan ImportLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the merchant profile the scheduled import reads, or <see langword="null"/> for the default.</summary>
    public string? Merchant { get; set; }
}
