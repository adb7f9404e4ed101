namespace Specter.Klarna.Invoicing;

/// <summary>A payout line that is not an ERP document's payment: a fee, commission, correction, holdback, release, reversal, charge or credit.</summary>
/// <remarks>Amounts are signed as they move the payout: a fee is negative, a release positive.</remarks>
public sealed record PayoutBookingLine
{
    /// <summary>Gets Klarna's transaction type.</summary>
    public required KlarnaTransactionType Type { get; init; }

    /// <summary>Gets Klarna's detailed type, for the ERP's account mapping (for example <c>PURCHASE_FEE_PERCENTAGE</c>).</summary>
    public string? DetailedType { get; init; }

    /// <summary>Gets the amount without VAT, signed.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the VAT on the line (Klarna's <c>vat_amount</c> on fees), signed like <see cref="Amount"/>; zero when none is given.</summary>
    public required Money Vat { get; init; }

    /// <summary>Gets the VAT rate in basis points, when given.</summary>
    public long? VatRate { get; init; }

    /// <summary>Gets a value indicating whether the line is settled outside this payout (a fee of a GROSS-settled merchant): booked, but not part of the payout's balance.</summary>
    public bool SettledSeparately { get; init; }

    /// <summary>Gets the ERP invoice the line belongs to (a fee on a known capture), when known.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the Klarna order id, when given.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets Klarna's capture id, when given.</summary>
    public string? CaptureId { get; init; }

    /// <summary>Gets Klarna's comment, when given.</summary>
    public string? Comment { get; init; }

    /// <summary>Gets the line's effect on the payout (<see cref="Amount"/> plus <see cref="Vat"/>; zero when <see cref="SettledSeparately"/>).</summary>
    public Money PayoutEffect => SettledSeparately ? Money.Zero(Amount.Currency) : Amount + Vat;
}
