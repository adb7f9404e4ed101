namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A payout closed by <see cref="KlarnaSimulator.ClosePayoutPeriod"/>, for inspection. Amounts are minor units; the per-type totals are magnitudes.</summary>
/// <param name="PaymentReference">The payout's payment reference (as on the bank statement).</param>
/// <param name="Merchant">The merchant's username.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="PayoutDate">The payout date.</param>
/// <param name="SettlementType"><c>NET</c> or <c>GROSS</c>.</param>
/// <param name="SettlementAmount">What reaches the bank (<c>settlement_amount</c>).</param>
/// <param name="SaleAmount">The sum of the sales.</param>
/// <param name="ReturnAmount">The sum of the returns.</param>
/// <param name="FeeAmount">The sum of the fees, without VAT.</param>
/// <param name="TaxAmount">The VAT on the fees.</param>
/// <param name="CorrectionAmount">The signed sum of the corrections.</param>
/// <param name="TransactionCount">How many transactions the payout has.</param>
public sealed record SimulatedPayout(
    string PaymentReference,
    string Merchant,
    string Currency,
    DateTimeOffset PayoutDate,
    string SettlementType,
    long SettlementAmount,
    long SaleAmount,
    long ReturnAmount,
    long FeeAmount,
    long TaxAmount,
    long CorrectionAmount,
    int TransactionCount);
