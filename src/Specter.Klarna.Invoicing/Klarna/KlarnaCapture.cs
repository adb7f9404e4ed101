namespace Specter.Klarna.Invoicing;

/// <summary>A capture on a Klarna order, as Klarna reports it (no customer personal data).</summary>
/// <remarks>Amounts stay minor units (<see langword="long"/>) in the order's <see cref="KlarnaOrder.Currency"/>: Klarna's capture answers carry no currency of their own, so a capture read alone cannot be <see cref="Money"/>.</remarks>
public sealed record KlarnaCapture
{
    /// <summary>Gets Klarna's capture id.</summary>
    public required string CaptureId { get; init; }

    /// <summary>Gets the customer-facing Klarna reference of the capture, if any.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets the captured amount in minor units.</summary>
    public required long CapturedAmount { get; init; }

    /// <summary>Gets the refunded amount of this capture in minor units.</summary>
    public long RefundedAmount { get; init; }

    /// <summary>Gets when the capture was made.</summary>
    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>Gets the merchant's reference of the capture (the ERP invoice number when made by this library).</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the capture description.</summary>
    public string? Description { get; init; }
}
