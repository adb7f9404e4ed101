namespace Specter.Klarna.Invoicing;

/// <summary>An invoice's totals at one VAT rate, as the ERP books them and as the customer reads them on Klarna's invoice.</summary>
/// <remarks>
/// With a capture, these are the sums of the Klarna lines at the rate (<c>total_amount</c> and <c>total_tax_amount</c>),
/// which the capture keeps equal to the invoice lines' sums; without one, the invoice lines' sums.
/// </remarks>
/// <param name="Rate">The VAT rate in percent (25, 12, 6, 0).</param>
/// <param name="Net">The amount excluding VAT (<c>Gross − Vat</c>).</param>
/// <param name="Vat">The VAT.</param>
/// <param name="Gross">The amount including VAT.</param>
public sealed record VatRateTotal(decimal Rate, Money Net, Money Vat, Money Gross);
