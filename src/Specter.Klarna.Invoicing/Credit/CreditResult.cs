namespace Specter.Klarna.Invoicing;

/// <summary>The outcome of creating a credit invoice.</summary>
public sealed record CreditResult
{
    /// <summary>Gets the credit invoice as recorded (lines and amounts credited, positive; its <see cref="InvoicePlan.Capture"/> is the Klarna refund).</summary>
    public required InvoicePlan Plan { get; init; }

    /// <summary>Gets the refund's status: refunded (<see cref="ActivationState.Activated"/>, locked), failed (Klarna's reason),
    /// unknown (recovery settles it) or not Klarna (nothing sent: the order has no reservation).</summary>
    public required InvoiceActivationStatus Status { get; init; }
}
