namespace Specter.Klarna.Invoicing;

/// <summary>One ERP document paid (or paid back) by a Klarna payout: what the ERP books as a payment.</summary>
public sealed record PaymentMarking
{
    /// <summary>Gets whether this pays an invoice or refunds a credit invoice.</summary>
    public required PaymentMarkingKind Kind { get; init; }

    /// <summary>Gets the ERP invoice number (<see cref="PaymentMarkingKind.InvoicePayment"/>) or credit number (<see cref="PaymentMarkingKind.CreditRefund"/>).</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Gets the amount in the payout's currency: positive when Klarna paid the merchant, negative for a refund.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the payout's payment reference (on the bank statement).</summary>
    public required string PaymentReference { get; init; }

    /// <summary>Gets the payout date (the payment date to book).</summary>
    public required DateTimeOffset PayoutDate { get; init; }

    /// <summary>Gets how the transaction was matched.</summary>
    public required PaymentMatch MatchedBy { get; init; }

    /// <summary>Gets the Klarna order id.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets Klarna's capture id (invoice payments) or refund id (refunds).</summary>
    public string? KlarnaId { get; init; }

    /// <summary>Gets the amount the ledger expected (the invoice's capture), when known; differs from <see cref="Amount"/> only when Klarna paid another amount.</summary>
    public Money? ExpectedAmount { get; init; }
}
