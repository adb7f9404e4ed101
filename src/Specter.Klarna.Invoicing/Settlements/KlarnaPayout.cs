namespace Specter.Klarna.Invoicing;

/// <summary>One Klarna payout (a bank transfer to the merchant), as the Settlements API reports it.</summary>
public sealed record KlarnaPayout
{
    /// <summary>Gets the payout's payment reference (on the bank statement); unique per payout.</summary>
    public required string PaymentReference { get; init; }

    /// <summary>Gets when Klarna paid out (UTC); the bank usually books it one banking day later.</summary>
    public required DateTimeOffset PayoutDate { get; init; }

    /// <summary>Gets the payout's currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets whether fees are deducted in the payout (NET) or invoiced separately (GROSS).</summary>
    public KlarnaSettlementType SettlementType { get; init; } = KlarnaSettlementType.Net;

    /// <summary>Gets the payout's totals; <see cref="KlarnaPayoutTotals.Settlement"/> is what reaches the bank.</summary>
    public required KlarnaPayoutTotals Totals { get; init; }

    /// <summary>Gets Klarna's merchant id, when Klarna sends it.</summary>
    public string? MerchantId { get; init; }
}
