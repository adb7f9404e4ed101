namespace Specter.Klarna.Invoicing;

/// <summary>The invoicing rules the library enforces; the ERP can branch on them.</summary>
public enum KlarnaInvoicingRule
{
    /// <summary>The invoice is activated at Klarna and locked: it cannot be changed, deleted, re-planned or activated again; only credited.</summary>
    InvoiceLocked = 0,

    /// <summary>An activation for this invoice or order is in progress or its outcome is unknown; wait for it to settle (recovery).</summary>
    ActivationInProgress = 1,

    /// <summary>Everything on the order is already invoiced.</summary>
    NothingToInvoice = 2,

    /// <summary>The requested invoice type is not allowed for the order's delivery state.</summary>
    InvoiceTypeNotAllowed = 3,

    /// <summary>The prepayment percent is missing or outside (0, 100].</summary>
    InvalidPrepaymentPercent = 4,

    /// <summary>The capture would exceed the amount Klarna still holds authorized.</summary>
    ExceedsAuthorizedAmount = 5,

    /// <summary>The invoice would invoice more than was ordered.</summary>
    ExceedsOrderedQuantity = 6,

    /// <summary>The invoice would capture a negative amount.</summary>
    NegativeCapture = 7,

    /// <summary>The invoice number is missing, too long, or already used on the order.</summary>
    InvalidInvoiceNumber = 8,

    /// <summary>The Klarna reservation cannot be captured (cancelled, expired, closed, fraud review pending or rejected).</summary>
    ReservationNotCapturable = 9,

    /// <summary>Prepayment captures are not enabled for the merchant profile.</summary>
    PrepaymentNotEnabled = 10,

    /// <summary>The invoice does not exist.</summary>
    InvoiceNotFound = 11,

    /// <summary>The invoice was never activated at Klarna (failed or not a Klarna invoice), so it cannot be credited through Klarna.</summary>
    NotActivated = 12,

    /// <summary>The invoice total is more than Klarna accepts in one capture (100 000 000 minor units, Klarna's 2020 limit).</summary>
    CaptureTooLarge = 13,

    /// <summary>A prepayment invoice of the order failed at Klarna; retry or abandon it before invoicing the order further (later invoices net prepayments off).</summary>
    PrepaymentNotSettled = 14,

    /// <summary>Klarna already holds a capture with this invoice number as its reference, for another amount: a new attempt could capture twice; a person must settle it.</summary>
    AlreadyCapturedAtKlarna = 15,

    /// <summary>The credit asks for more than is left to credit on the invoice (a line, also one already credited in full, a VAT rate, or the capture).</summary>
    CreditExceedsInvoice = 16,

    /// <summary>The credit asks for more than is left to refund on the Klarna order (captured less refunded).</summary>
    CreditExceedsOrder = 17,

    /// <summary>The credit request is malformed: an unknown line, a quantity or amount out of range, lines and amounts together.</summary>
    InvalidCredit = 18,

    /// <summary>Klarna does not accept a return fee on this order (not captured in full in one capture, or the market does not allow it).</summary>
    ReturnFeeNotAllowed = 19,

    /// <summary>The prepayment was already netted off by later invoices: only what is left of it can be credited.</summary>
    PrepaymentAlreadyNetted = 20,

    /// <summary>Nothing is left to credit on the invoice.</summary>
    NothingToCredit = 21,

    /// <summary>The description given for Klarna (the capture or refund description the customer reads) is longer than Klarna accepts.</summary>
    InvalidDescription = 22,
}
