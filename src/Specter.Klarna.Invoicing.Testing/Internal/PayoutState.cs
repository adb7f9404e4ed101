namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A closed payout: immutable once created, as a bank transfer is.</summary>
internal sealed class PayoutState
{
    public required string PaymentReference { get; init; }

    public required string Merchant { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset PayoutDate { get; init; }

    /// <summary><c>NET</c> (fees deducted in the payout), or <c>GROSS</c> (fees invoiced separately).</summary>
    public required string SettlementType { get; init; }

    public required IReadOnlyList<SettlementTransactionState> Transactions { get; init; }

    public long SaleAmount => Sum("SALE");

    public long ReturnAmount => Sum("RETURN");

    public long FeeAmount => Sum("FEE");

    /// <summary>Klarna's <c>tax_amount</c>: the VAT on the payout's fees.</summary>
    public long TaxAmount => Transactions.Where(t => t.Type == "FEE").Sum(t => t.VatAmount ?? 0);

    public long CorrectionAmount => Transactions.Where(t => t.Type == "CORRECTION").Sum(t => t.Amount);

    /// <summary>What reaches the bank: sales − returns (− fees − their VAT when NET) ± corrections.</summary>
    public long SettlementAmount => Transactions.Sum(t => t.Effect(FeesSettledSeparately));

    public bool FeesSettledSeparately => SettlementType == "GROSS";

    private long Sum(string type) => Transactions.Where(t => t.Type == type).Sum(t => t.Amount);
}
