namespace Specter.Klarna.Invoicing;

/// <summary>
/// A payout's totals as Klarna reports them: non-negative magnitudes whose name gives the direction; a total Klarna
/// leaves out is zero.
/// </summary>
public sealed record KlarnaPayoutTotals
{
    /// <summary>Gets the total of sales.</summary>
    public required Money Sale { get; init; }

    /// <summary>Gets the total of returns.</summary>
    public required Money Return { get; init; }

    /// <summary>Gets the total of reversals (lost disputes, reduced by merchant protection).</summary>
    public required Money Reversal { get; init; }

    /// <summary>Gets the total of fees.</summary>
    public required Money Fee { get; init; }

    /// <summary>Gets the total of fee corrections.</summary>
    public required Money FeeCorrection { get; init; }

    /// <summary>Gets the total of refunded fees.</summary>
    public required Money FeeRefund { get; init; }

    /// <summary>Gets the total VAT on Klarna's fees.</summary>
    public required Money Tax { get; init; }

    /// <summary>Gets the total of commissions Klarna paid.</summary>
    public required Money Commission { get; init; }

    /// <summary>Gets the total of miscellaneous charges.</summary>
    public required Money Charge { get; init; }

    /// <summary>Gets the total of miscellaneous credits.</summary>
    public required Money Credit { get; init; }

    /// <summary>Gets the total withheld (rolling reserve and the like).</summary>
    public required Money Holdback { get; init; }

    /// <summary>Gets the total released from holdbacks.</summary>
    public required Money Release { get; init; }

    /// <summary>Gets the total repaid from debt to Klarna.</summary>
    public required Money Repay { get; init; }

    /// <summary>Gets what reaches the merchant's bank account.</summary>
    public required Money Settlement { get; init; }
}
