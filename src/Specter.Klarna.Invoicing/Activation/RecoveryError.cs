namespace Specter.Klarna.Invoicing;

/// <summary>An invoice recovery could not settle in one run (it stays unsettled and is tried again on the next run).</summary>
/// <param name="InvoiceNumber">The invoice number.</param>
/// <param name="Message">What went wrong.</param>
public sealed record RecoveryError(string InvoiceNumber, string Message);
