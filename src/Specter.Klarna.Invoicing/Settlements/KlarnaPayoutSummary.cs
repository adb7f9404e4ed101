namespace Specter.Klarna.Invoicing;

/// <summary>The sum of a currency's payouts in a date range, as the Settlements API reports it.</summary>
public sealed record KlarnaPayoutSummary
{
    /// <summary>Gets the currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the first payout date covered.</summary>
    public DateTimeOffset? PayoutDateStart { get; init; }

    /// <summary>Gets the last payout date covered.</summary>
    public DateTimeOffset? PayoutDateEnd { get; init; }

    /// <summary>Gets the summed totals (charge and credit are not in Klarna's summary and are zero).</summary>
    public required KlarnaPayoutTotals Totals { get; init; }
}
