namespace Specter.Klarna.Invoicing;

/// <summary>One thing wrong with an <see cref="InvoicingOrder"/>: which field, on which line, and what is allowed.</summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Field">The camelCase field name as in the order JSON, for example <c>deliveredQuantity</c>.</param>
/// <param name="LineId">The line id, or <see langword="null"/> for an order-level field.</param>
/// <param name="Message">An English message naming the line, what is wrong and what is allowed.</param>
public sealed record OrderValidationError(OrderValidationErrorCode Code, string Field, string? LineId, string Message);
