namespace Specter.Klarna.Invoicing.Payouts.Internal;

/// <summary>
/// The direction Klarna documents for each transaction type (+ pays the merchant, − deducts). Amounts are taken as
/// magnitudes and given this sign, so both encodings (positive-only and signed) give the same result; only
/// <c>CORRECTION</c> is signed by Klarna and used as given. Unknown types have no direction: never guessed.
/// </summary>
internal static class TransactionDirections
{
    private static readonly Dictionary<string, int> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        [KlarnaTransactionType.Sale.Value] = +1,
        [KlarnaTransactionType.Fee.Value] = -1,
        [KlarnaTransactionType.FeeRefund.Value] = +1,
        [KlarnaTransactionType.Return.Value] = -1,
        [KlarnaTransactionType.Reversal.Value] = -1,
        [KlarnaTransactionType.ReversalMerchantProtection.Value] = +1,
        [KlarnaTransactionType.Commission.Value] = +1,
        [KlarnaTransactionType.Holdback.Value] = -1,
        [KlarnaTransactionType.Release.Value] = +1,
        [KlarnaTransactionType.Credit.Value] = +1,
        [KlarnaTransactionType.Charge.Value] = -1,
        [KlarnaTransactionType.Tax.Value] = -1,
    };

    /// <summary>The transaction's signed effect on the payout, or <see langword="null"/> when the type's direction is unknown.</summary>
    public static long? Effect(KlarnaTransactionType type, long amount)
    {
        if (type == KlarnaTransactionType.Correction)
        {
            return amount;
        }

        return Directions.TryGetValue(type.Value, out var direction) ? direction * Math.Abs(amount) : null;
    }

    /// <summary>Whether Klarna's <c>vat_amount</c> on this type is VAT on a Klarna fee that moves the payout with the line.</summary>
    public static bool CarriesFeeVat(KlarnaTransactionType type) =>
        type != KlarnaTransactionType.Sale && type != KlarnaTransactionType.Return
        && type != KlarnaTransactionType.Reversal && type != KlarnaTransactionType.ReversalMerchantProtection;

    /// <summary>Whether a GROSS-settled merchant is invoiced for this line separately instead of in the payout.</summary>
    public static bool IsGrossInvoicedFee(KlarnaTransactionType type) =>
        type == KlarnaTransactionType.Fee || type == KlarnaTransactionType.FeeRefund || type == KlarnaTransactionType.Tax;
}
