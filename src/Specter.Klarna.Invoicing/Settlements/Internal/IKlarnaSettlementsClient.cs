namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>
/// Klarna's Settlements API v1 (read only). Every list call pages through all pages. Klarna's refusals and unusable
/// answers throw <see cref="KlarnaApiException"/>; transport failures are not wrapped.
/// </summary>
internal interface IKlarnaSettlementsClient
{
    /// <summary>Lists the payouts whose payout date lies in [<paramref name="from"/>, <paramref name="to"/>], oldest first as Klarna sends them.</summary>
    Task<IReadOnlyList<KlarnaPayout>> ListPayoutsAsync(string? merchant, DateTimeOffset from, DateTimeOffset to, Currency? currency, CancellationToken cancellationToken);

    /// <summary>Reads one payout by its payment reference (404 → <see cref="KlarnaApiException"/>).</summary>
    Task<KlarnaPayout> GetPayoutAsync(string? merchant, string paymentReference, CancellationToken cancellationToken);

    /// <summary>Sums the payouts in a date range, one element per currency.</summary>
    Task<IReadOnlyList<KlarnaPayoutSummary>> GetPayoutSummaryAsync(string? merchant, DateTimeOffset from, DateTimeOffset to, Currency? currency, CancellationToken cancellationToken);

    /// <summary>Lists every transaction of one payout.</summary>
    Task<IReadOnlyList<KlarnaSettlementTransaction>> ListTransactionsAsync(string? merchant, string paymentReference, CancellationToken cancellationToken);
}
