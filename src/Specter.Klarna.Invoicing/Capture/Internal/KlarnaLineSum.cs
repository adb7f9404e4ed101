namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>What merging per VAT rate reads of one Klarna line: its type, rate (basis points) and amounts in minor units.</summary>
/// <param name="Type">Klarna's line type.</param>
/// <param name="TaxRate">The VAT rate in basis points.</param>
/// <param name="TotalAmount">The line total including VAT, after discount.</param>
/// <param name="TotalDiscountAmount">The discount including VAT (zero or positive).</param>
/// <param name="TotalTaxAmount">The VAT included in <paramref name="TotalAmount"/>.</param>
internal readonly record struct KlarnaLineSum(string Type, int TaxRate, long TotalAmount, long TotalDiscountAmount, long TotalTaxAmount);
