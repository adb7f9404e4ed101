namespace Specter.Klarna.Invoicing;

/// <summary>Where an invoice stands with its Klarna activation (capture).</summary>
public enum ActivationState
{
    /// <summary>The order has no Klarna reservation (or the invoice nets to zero): nothing is sent to Klarna.</summary>
    NotKlarna = 0,

    /// <summary>The capture intent is recorded and the capture is about to be (or is being) sent.</summary>
    Pending = 1,

    /// <summary>Klarna accepted the capture. The invoice is locked: only a credit can reverse it.</summary>
    Activated = 2,

    /// <summary>Klarna definitely refused the capture; the invoice may be retried (a new attempt) or abandoned.</summary>
    Failed = 3,

    /// <summary>The outcome is not known yet (timeout, 5xx, lost response). It will be settled by recovery; do not retry by hand.</summary>
    Unknown = 4,
}
