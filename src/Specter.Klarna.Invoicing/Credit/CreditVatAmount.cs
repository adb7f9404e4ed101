namespace Specter.Klarna.Invoicing;

/// <summary>An amount and its VAT at one VAT rate.</summary>
/// <param name="VatRate">The VAT rate in percent.</param>
/// <param name="Amount">The amount including VAT.</param>
/// <param name="Vat">The VAT included in <paramref name="Amount"/>.</param>
public sealed record CreditVatAmount(decimal VatRate, Money Amount, Money Vat);
