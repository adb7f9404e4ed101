namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of <c>GET /settlements/v1/payouts</c>.</summary>
internal sealed class PayoutCollectionDto
{
    public List<PayoutDto?>? Payouts { get; set; }

    public PaginationDto? Pagination { get; set; }
}
