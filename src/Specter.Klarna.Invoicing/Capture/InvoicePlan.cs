namespace Specter.Klarna.Invoicing;

/// <summary>A planned invoice: its type, lines and amounts, and the Klarna capture that activates it.</summary>
/// <remarks>The invoices already made on an order are passed back to the planner as plans, so later invoices net them off exactly.</remarks>
public sealed record InvoicePlan
{
    /// <summary>Gets the ERP invoice number.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the ERP order number.</summary>
    public required string OrderNumber { get; init; }

    /// <summary>Gets the invoice type.</summary>
    public required InvoiceType Type { get; init; }

    /// <summary>Gets the prepayment percent for a <see cref="InvoiceType.Prepayment"/> invoice, otherwise <see langword="null"/>.</summary>
    public decimal? PrepaymentPercent { get; init; }

    /// <summary>Gets the invoice lines.</summary>
    public required IReadOnlyList<InvoicePlanLine> Lines { get; init; }

    /// <summary>Gets the invoice total including VAT, in minor units.</summary>
    public required Money Total { get; init; }

    /// <summary>Gets the VAT included in <see cref="Total"/>, in minor units.</summary>
    public required Money VatTotal { get; init; }

    /// <summary>Gets the totals per VAT rate (net, VAT, gross), highest rate first: with a capture, the sums of its Klarna lines per rate — what the customer reads on Klarna's invoice and the ERP books.</summary>
    public IReadOnlyList<VatRateTotal> VatTotals { get; init; } = [];

    /// <summary>Gets a value indicating whether this invoice leaves nothing of the order to invoice (its last invoice); recovery reads it to decide about releasing what Klarna still holds.</summary>
    public bool CompletesOrder { get; init; }

    /// <summary>Gets the capture to send to Klarna, or <see langword="null"/> when the order has no reservation or the invoice nets to zero.</summary>
    public KlarnaCapturePlan? Capture { get; init; }
}
