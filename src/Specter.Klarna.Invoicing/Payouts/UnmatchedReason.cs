namespace Specter.Klarna.Invoicing;

/// <summary>Why a payout transaction could not be matched or booked.</summary>
public enum UnmatchedReason
{
    /// <summary>A sale for a capture the ledger does not know (made in Klarna's portal or by another system).</summary>
    UnknownCapture = 0,

    /// <summary>A return without a refund reference or a refund id the ledger knows.</summary>
    UnknownRefund = 1,

    /// <summary>A transaction type this library does not know the direction of.</summary>
    UnknownType = 2,

    /// <summary>The transaction is in another currency than the payout.</summary>
    OtherCurrency = 3,

    /// <summary>The transaction names another payout's payment reference.</summary>
    OtherPayout = 4,
}
