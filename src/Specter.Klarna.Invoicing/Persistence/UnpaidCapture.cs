namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>An activated invoice no payout has paid yet.</summary>
/// <param name="InvoiceNumber">The ERP invoice number.</param>
/// <param name="KlarnaOrderId">The Klarna order id.</param>
/// <param name="CaptureId">Klarna's capture id.</param>
/// <param name="ActivatedAt">When it was captured.</param>
public sealed record UnpaidCapture(string InvoiceNumber, string? KlarnaOrderId, string? CaptureId, DateTimeOffset ActivatedAt);
