using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Ledgers.Tests;

/// <summary>Row content for tests that write a ledger's tables with SQL, as an older or newer version of the package would have.</summary>
internal static class LedgerRows
{
    /// <summary>A valid stored plan (a 1.00 SEK final invoice without lines).</summary>
    public static string PlanJson { get; } = InvoicePlanJson.Serialize(new InvoicePlan
    {
        InvoiceNumber = "OLD-1",
        OrderNumber = "O",
        Type = InvoiceType.Final,
        Lines = [],
        Total = new Money(100, Currency.SEK),
        VatTotal = new Money(20, Currency.SEK),
    });
}
