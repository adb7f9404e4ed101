namespace Specter.Klarna.Invoicing.Settlements.Internal.Models;

/// <summary>Wire shape of Settlements paging (offset based); only <c>count</c> is required by the spec.</summary>
internal sealed class PaginationDto
{
    public long? Count { get; set; }

    public long? Total { get; set; }

    public string? Next { get; set; }

    public string? Prev { get; set; }

    public long? Offset { get; set; }
}
