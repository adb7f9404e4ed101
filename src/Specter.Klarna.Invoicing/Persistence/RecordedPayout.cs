namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>A reconciled payout as the payment-marking store keeps it.</summary>
public sealed record RecordedPayout
{
    /// <summary>Gets the payout's payment reference (unique).</summary>
    public required string PaymentReference { get; init; }

    /// <summary>Gets the payout date.</summary>
    public required DateTimeOffset PayoutDate { get; init; }

    /// <summary>Gets how the merchant is settled.</summary>
    public required KlarnaSettlementType SettlementType { get; init; }

    /// <summary>Gets what reached the bank (in the payout's currency).</summary>
    public required Money Settlement { get; init; }

    /// <summary>Gets the settlement minus what was reconciled (zero when balanced) at the latest recording.</summary>
    public required Money Difference { get; init; }

    /// <summary>Gets the markings, in the order they were recorded.</summary>
    public required IReadOnlyList<PaymentMarking> Markings { get; init; }

    /// <summary>Gets the booking lines, in payout order.</summary>
    public required IReadOnlyList<PayoutBookingLine> BookingLines { get; init; }

    /// <summary>Gets when the payout was first recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Creates the record of a reconciliation.</summary>
    /// <param name="reconciliation">The reconciliation.</param>
    /// <param name="recordedAt">Now.</param>
    /// <returns>The record.</returns>
    public static RecordedPayout From(PayoutReconciliation reconciliation, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        return new RecordedPayout
        {
            PaymentReference = reconciliation.Payout.PaymentReference,
            PayoutDate = reconciliation.Payout.PayoutDate,
            SettlementType = reconciliation.Payout.SettlementType,
            Settlement = reconciliation.Payout.Totals.Settlement,
            Difference = reconciliation.Difference,
            Markings = reconciliation.Markings,
            BookingLines = reconciliation.BookingLines,
            RecordedAt = recordedAt,
        };
    }
}
