namespace Specter.Klarna.Invoicing.Payouts.Internal;

/// <summary>An activated invoice as the reconciliation needs it: its number, Klarna ids and the amount captured.</summary>
internal sealed record KnownCapture(string InvoiceNumber, string? CaptureId, string? KlarnaOrderId, Money? CapturedAmount);

/// <summary>A refund the ERP made for a credit invoice, by Klarna's refund id (for returns that lack the reference).</summary>
internal sealed record KnownRefund(string CreditNumber, string RefundId);
