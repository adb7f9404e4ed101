namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of a Settlements <c>Payout</c>. Unknown fields (for example <c>merchant_id</c>) are ignored.</summary>
internal sealed class PayoutDto
{
    public PayoutTotalsDto? Totals { get; set; }

    public string? PaymentReference { get; set; }

    public DateTimeOffset? PayoutDate { get; set; }

    public string? CurrencyCode { get; set; }

    public string? CurrencyCodeOfRegistrationCountry { get; set; }

    public string? MerchantSettlementType { get; set; }

    public string? MerchantId { get; set; }
}
