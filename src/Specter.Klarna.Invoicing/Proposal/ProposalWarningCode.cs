namespace Specter.Klarna.Invoicing;

/// <summary>What the invoice dialog should warn about before the user confirms.</summary>
public enum ProposalWarningCode
{
    /// <summary>The reservation has expired; it cannot be activated.</summary>
    ReservationExpired = 0,

    /// <summary>The reservation expires within the configured number of days.</summary>
    ReservationExpiresSoon = 1,

    /// <summary>The reservation is cancelled at Klarna.</summary>
    ReservationCancelled = 2,

    /// <summary>The reservation is closed at Klarna.</summary>
    ReservationClosed = 3,

    /// <summary>The reservation is already fully captured.</summary>
    ReservationFullyCaptured = 4,

    /// <summary>Klarna's fraud review is still pending: do not deliver or activate.</summary>
    FraudReviewPending = 5,

    /// <summary>Klarna rejected the order after fraud review.</summary>
    FraudRejected = 6,

    /// <summary>The invoice exceeds what Klarna still holds authorized.</summary>
    ExceedsRemainingAuthorized = 7,

    /// <summary>Prepayment captures are not enabled for the merchant profile.</summary>
    PrepaymentNotEnabled = 8,

    /// <summary>The ERP order's currency differs from the Klarna purchase currency.</summary>
    CurrencyMismatch = 9,

    /// <summary>The Klarna order could not be read, so nothing was checked against Klarna.</summary>
    KlarnaUnavailable = 10,

    /// <summary>Klarna refused the merchant profile's credentials (401 or 403) on reading the order: a configuration error, blocking.</summary>
    KlarnaCredentialsRefused = 11,

    /// <summary>A final invoice is proposed while nothing on the order is delivered: it captures goods not yet shipped. Not blocking (the ERP offers it).</summary>
    FinalInvoiceCapturesUndelivered = 12,

    /// <summary>
    /// The ERP order is fully invoiced but Klarna still holds an amount on its reservation, and releasing it is not
    /// provably safe (the order does not account for Klarna's whole order amount, or another order captured on it): it may
    /// belong to a back-order. Nothing was released; release it explicitly when no other order needs it. Not blocking.
    /// </summary>
    AuthorizationStillReserved = 13,

    /// <summary>
    /// The invoice exceeds what Klarna still holds authorized because a prepayment of the order was credited: the refund gave
    /// the money back, but Klarna does not give the authorization back, and the goods are still owed in full. Blocking;
    /// update the reservation first (an increase Klarna allows only for some payment methods), or invoice less.
    /// </summary>
    AuthorizationSpentByCreditedPrepayment = 14,
}
