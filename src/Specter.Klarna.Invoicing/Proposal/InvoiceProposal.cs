using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing;

/// <summary>What the invoice dialog shows before the user confirms. Nothing has been written or sent.</summary>
public sealed record InvoiceProposal
{
    /// <summary>The placeholder that stands in for the invoice number when a proposal is asked for without one: the plan's
    /// <see cref="InvoicePlan.InvoiceNumber"/>, the capture's reference and its description then read <c>PREVIEW</c>, and
    /// <see cref="IsPreview"/> is <see langword="true"/>. It is never sent to Klarna: creating the invoice needs a real number.</summary>
    public const string PreviewInvoiceNumber = "PREVIEW";

    /// <summary>Gets a value indicating whether the proposal was made without an invoice number, so the plan carries <see cref="PreviewInvoiceNumber"/> in its number, capture reference and description; show the invoice number field as "not yet assigned".</summary>
    public bool IsPreview { get; init; }

    /// <summary>Gets the ERP order number.</summary>
    public required string OrderNumber { get; init; }

    /// <summary>Gets the proposed invoice type, why, and the allowed alternatives.</summary>
    public required InvoiceTypeDecision Decision { get; init; }

    /// <summary>Gets the planned invoice (type, lines, amounts, capture), or <see langword="null"/> when nothing can be invoiced.</summary>
    public InvoicePlan? Plan { get; init; }

    /// <summary>Gets the rules the previewed invoice breaks.</summary>
    public IReadOnlyList<KlarnaInvoicingRuleViolation> Violations { get; init; } = [];

    /// <summary>Gets the problems found against the live Klarna reservation.</summary>
    public IReadOnlyList<ProposalWarning> Warnings { get; init; } = [];

    /// <summary>Gets the number of deliveries on the order (invoiced deliveries plus the one being invoiced).</summary>
    public int DeliveryCount { get; init; }

    /// <summary>Gets the Klarna order id, or <see langword="null"/> when the order has no Klarna reservation.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets the live Klarna order behind the reservation as read when proposing (status, <see cref="KlarnaOrder.RemainingAuthorizedAmount"/>, <see cref="KlarnaOrder.KlarnaReference"/>, <see cref="KlarnaOrder.ExpiresAt"/>), or <see langword="null"/> when there is none or it could not be read.</summary>
    public KlarnaOrder? Reservation { get; init; }

    /// <summary>Gets a value indicating whether printing defaults to on; off for Klarna invoices (Klarna sends its own invoice).</summary>
    public bool PrintByDefault { get; init; }

    /// <summary>Gets a value indicating whether e-mailing defaults to on; off for Klarna invoices (Klarna sends its own invoice).</summary>
    public bool EmailByDefault { get; init; }

    /// <summary>Gets a value indicating whether creating this invoice would be accepted.</summary>
    public bool CanCreate => Plan is not null && Violations.Count == 0 && !Warnings.Any(w => w.IsBlocking);

    /// <summary>Gets the reservation line of the dialog, e.g. "Reservation 0b1d… will be activated for 1 234,50 kr".</summary>
    /// <param name="culture">The culture (Swedish for <c>sv</c>, otherwise English), or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The text.</returns>
    public string GetReservationText(CultureInfo? culture = null)
    {
        if (KlarnaOrderId is null)
        {
            return Texts.Get("Reservation_None", culture);
        }

        if (Plan?.Capture is not { } capture)
        {
            return Texts.Get("Reservation_NothingToCapture", culture);
        }

        // The customer quotes Klarna's reference, not the order id: show both when Klarna gave one.
        return Reservation?.KlarnaReference is { Length: > 0 } reference
            ? Texts.Format("Reservation_WillActivateWithReference", culture, KlarnaOrderId, capture.CapturedAmount, reference)
            : Texts.Format("Reservation_WillActivate", culture, KlarnaOrderId, capture.CapturedAmount);
    }
}
