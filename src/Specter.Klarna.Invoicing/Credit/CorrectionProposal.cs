namespace Specter.Klarna.Invoicing;

/// <summary>How to undo an order that the ERP cancels: cancel at Klarna, credit its invoices, or release what is left. Nothing is written or sent.</summary>
public sealed record CorrectionProposal
{
    /// <summary>Gets the ERP order number.</summary>
    public required string OrderNumber { get; init; }

    /// <summary>Gets the Klarna order id, or <see langword="null"/> when the order has no reservation.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets what applies first.</summary>
    public required CorrectionKind Kind { get; init; }

    /// <summary>Gets the invoices that still have something to credit, oldest first, with what is left on each.</summary>
    public IReadOnlyList<InvoiceCredit> InvoicesToCredit { get; init; } = [];

    /// <summary>Gets a value indicating whether Klarna still holds an authorization to release once the credits are made.</summary>
    public bool ReleaseRemaining { get; init; }
}
