namespace Specter.Klarna.Invoicing;

/// <summary>A return fee kept back from a refund (Klarna's <c>return_fee</c> line).</summary>
/// <param name="VatRate">The fee's VAT rate in percent.</param>
/// <param name="Amount">The fee including VAT, more than zero and less than what is credited.</param>
/// <remarks>Klarna accepts a return fee only when the order was captured in full in a single capture and the market allows it;
/// the proposal says when it does not (<see cref="KlarnaInvoicingRule.ReturnFeeNotAllowed"/>).</remarks>
public sealed record CreditReturnFee(decimal VatRate, Money Amount);
