namespace Specter.Klarna.Invoicing;

/// <summary>An amount to credit at one VAT rate (a price reduction), spread over the credited invoice's lines at that rate.</summary>
/// <param name="VatRate">The VAT rate in percent, one of the credited invoice's rates (for example 25).</param>
/// <param name="Amount">The amount including VAT, more than zero and at most what is left to credit at that rate.</param>
public sealed record CreditAmountRequest(decimal VatRate, Money Amount);
