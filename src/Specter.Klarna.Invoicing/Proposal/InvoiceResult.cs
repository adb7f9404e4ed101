namespace Specter.Klarna.Invoicing;

/// <summary>The outcome of creating (or retrying) an invoice.</summary>
public sealed record InvoiceResult
{
    /// <summary>Gets the invoice as planned and recorded.</summary>
    public required InvoicePlan Plan { get; init; }

    /// <summary>Gets the activation status: activated, failed (Klarna's reason), unknown (recovery settles it) or not Klarna.</summary>
    public required InvoiceActivationStatus Status { get; init; }

    /// <summary>Gets a value indicating whether the order's remaining authorization was released because this was its last invoice.</summary>
    public bool RemainingAuthorizationReleased { get; init; }

    /// <summary>Gets what the user should know about the invoice once it is made, for example <see cref="ProposalWarningCode.AuthorizationStillReserved"/>: an amount still reserved at Klarna that was not released.</summary>
    public IReadOnlyList<ProposalWarning> Warnings { get; init; } = [];
}
