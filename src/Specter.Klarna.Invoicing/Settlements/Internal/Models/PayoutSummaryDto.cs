namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of one element of <c>GET /settlements/v1/payouts/summary</c> (one per currency).</summary>
internal sealed class PayoutSummaryDto
{
    public string? SummarySettlementCurrency { get; set; }

    public DateTimeOffset? SummaryPayoutDateStart { get; set; }

    public DateTimeOffset? SummaryPayoutDateEnd { get; set; }

    public long? SummaryTotalSaleAmount { get; set; }

    public long? SummaryTotalReturnAmount { get; set; }

    public long? SummaryTotalReversalAmount { get; set; }

    public long? SummaryTotalFeeAmount { get; set; }

    public long? SummaryTotalFeeCorrectionAmount { get; set; }

    public long? SummaryTotalTaxAmount { get; set; }

    public long? SummaryTotalCommissionAmount { get; set; }

    public long? SummaryTotalHoldbackAmount { get; set; }

    public long? SummaryTotalReleaseAmount { get; set; }

    public long? SummaryTotalRepayAmount { get; set; }

    public long? SummaryTotalSettlementAmount { get; set; }
}
