namespace Specter.Klarna.Invoicing;

/// <summary>Creates a credit invoice (kreditfaktura) against an activated invoice and refunds it at Klarna exactly once.</summary>
/// <remarks>Everything left on the invoice is credited when neither <see cref="Lines"/> nor <see cref="Amounts"/> is given.</remarks>
public sealed record CreateCreditRequest
{
    /// <summary>Gets the number of the invoice to credit.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the credit invoice's own number: unique among invoices and credits, and the refund's <c>reference</c> at Klarna.</summary>
    public required string CreditNumber { get; init; }

    /// <summary>Gets the lines and quantities to credit (a return), or <see langword="null"/>.</summary>
    public IReadOnlyList<CreditLineRequest>? Lines { get; init; }

    /// <summary>Gets the amounts to credit per VAT rate (a price reduction), or <see langword="null"/>. Not together with <see cref="Lines"/>.</summary>
    public IReadOnlyList<CreditAmountRequest>? Amounts { get; init; }

    /// <summary>Gets the return fee kept back from the refund, or <see langword="null"/> for none.</summary>
    public CreditReturnFee? ReturnFee { get; init; }

    /// <summary>Gets the refund description shown to the customer (at most 255 characters, else refused with <see cref="KlarnaInvoicingRule.InvalidDescription"/> before anything is written or sent), or <see langword="null"/> for "Kreditfaktura {number}" in the merchant profile's Klarna language ("Credit invoice {number}" in English).</summary>
    public string? Description { get; init; }
}
