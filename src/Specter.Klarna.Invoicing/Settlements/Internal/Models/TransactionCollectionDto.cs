namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of <c>GET /settlements/v1/transactions</c>.</summary>
internal sealed class TransactionCollectionDto
{
    public List<TransactionDto?>? Transactions { get; set; }

    public PaginationDto? Pagination { get; set; }
}
