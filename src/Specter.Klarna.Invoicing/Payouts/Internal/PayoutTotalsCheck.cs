using System.Globalization;

namespace Specter.Klarna.Invoicing.Payouts.Internal;

/// <summary>
/// Cross-checks the transactions against Klarna's per-type totals. A warning, never a failure: Klarna's formula is not
/// confirmed to the öre, and some totals (repay, debt) have no transactions at all.
/// </summary>
internal static class PayoutTotalsCheck
{
    public static IReadOnlyList<string> Compare(KlarnaPayout payout, IReadOnlyList<KlarnaSettlementTransaction> transactions)
    {
        var inPayout = transactions.Where(t => t.Amount.Currency == payout.Currency).ToList();
        long Sum(KlarnaTransactionType type) => inPayout.Where(t => t.Type == type).Sum(t => Math.Abs(t.Amount.MinorUnits));
        long FeeVat() => inPayout.Where(t => t.Type == KlarnaTransactionType.Fee).Sum(t => Math.Abs(t.VatAmount?.MinorUnits ?? 0));

        var totals = payout.Totals;
        var warnings = new List<string>();
        void Check(string name, long fromTransactions, Money total)
        {
            if (fromTransactions != Math.Abs(total.MinorUnits))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the transactions sum to {fromTransactions} {payout.Currency}, Klarna's total is {total.MinorUnits} {payout.Currency}."));
            }
        }

        Check("sale", Sum(KlarnaTransactionType.Sale), totals.Sale);
        Check("return", Sum(KlarnaTransactionType.Return), totals.Return);
        Check("fee", Sum(KlarnaTransactionType.Fee), totals.Fee);
        Check("tax (VAT on fees)", FeeVat() + Sum(KlarnaTransactionType.Tax), totals.Tax);
        Check("commission", Sum(KlarnaTransactionType.Commission), totals.Commission);
        Check("holdback", Sum(KlarnaTransactionType.Holdback), totals.Holdback);
        Check("release", Sum(KlarnaTransactionType.Release), totals.Release);
        Check("charge", Sum(KlarnaTransactionType.Charge), totals.Charge);
        Check("credit", Sum(KlarnaTransactionType.Credit), totals.Credit);
        if (totals.Repay.MinorUnits != 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"repay: Klarna deducted {totals.Repay.MinorUnits} {payout.Currency} for earlier debt; no transaction carries it."));
        }

        return warnings;
    }
}
