namespace Specter.Klarna.Invoicing;

/// <summary>What to credit of an activated invoice: everything left (neither <see cref="Lines"/> nor <see cref="Amounts"/>),
/// chosen lines and quantities (a return), or amounts per VAT rate (a price reduction).</summary>
public sealed record CreditProposalRequest
{
    /// <summary>Gets the number of the invoice to credit.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the lines and quantities to credit (a return), or <see langword="null"/>.</summary>
    public IReadOnlyList<CreditLineRequest>? Lines { get; init; }

    /// <summary>Gets the amounts to credit per VAT rate (a price reduction), or <see langword="null"/>. Not together with <see cref="Lines"/>.</summary>
    public IReadOnlyList<CreditAmountRequest>? Amounts { get; init; }

    /// <summary>Gets the return fee kept back from the refund, or <see langword="null"/> for none.</summary>
    public CreditReturnFee? ReturnFee { get; init; }
}
