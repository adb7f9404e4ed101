namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of a payout's <c>totals</c>: every field optional (Klarna's own 2018 payloads lack seven "required" ones).</summary>
internal sealed class PayoutTotalsDto
{
    public long? SaleAmount { get; set; }

    public long? ReturnAmount { get; set; }

    public long? ReversalAmount { get; set; }

    public long? FeeAmount { get; set; }

    public long? FeeCorrectionAmount { get; set; }

    public long? FeeRefundAmount { get; set; }

    public long? TaxAmount { get; set; }

    public long? TaxRefundAmount { get; set; }

    public long? CommissionAmount { get; set; }

    public long? CommissionReversalAmount { get; set; }

    public long? ChargeAmount { get; set; }

    public long? CreditAmount { get; set; }

    public long? HoldbackAmount { get; set; }

    public long? ReleaseAmount { get; set; }

    public long? RepayAmount { get; set; }

    public long? DepositAmount { get; set; }

    public long? OpeningDebtBalanceAmount { get; set; }

    public long? ClosingDebtBalanceAmount { get; set; }

    public long? SettlementAmount { get; set; }
}
