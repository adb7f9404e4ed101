namespace Specter.Klarna.Invoicing;

/// <summary>A currency's canonical code and minor-unit digits: one instance per currency, shared by every value in it.</summary>
/// <param name="Code">The upper-case ISO 4217 code.</param>
/// <param name="Digits">The number of minor-unit digits.</param>
internal sealed record CurrencyInfo(string Code, int Digits);
