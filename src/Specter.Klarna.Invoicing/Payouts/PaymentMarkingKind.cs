namespace Specter.Klarna.Invoicing;

/// <summary>What a payment marking records.</summary>
public enum PaymentMarkingKind
{
    /// <summary>Klarna paid an ERP invoice (a <c>SALE</c> in a payout): the amount is positive.</summary>
    InvoicePayment = 0,

    /// <summary>Klarna paid a credit invoice's refund back to the customer (a <c>RETURN</c> in a payout): the amount is negative.</summary>
    CreditRefund = 1,
}
