using System.Globalization;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>The credit proposal for <c>--json</c>: amounts in minor units with their currency, like the other commands.</summary>
internal static partial class JsonViews
{
    public static JsonObject CreditProposal(CreditProposal proposal, string? creditNumber, CultureInfo culture) => new()
    {
        ["invoiceNumber"] = proposal.InvoiceNumber,
        ["creditNumber"] = creditNumber,
        ["canCreate"] = proposal.CanCreate,
        ["refunded"] = proposal.Plan is { } p ? Money(p.Total) : null,
        ["refundedPerVatRate"] = new JsonArray(proposal.RefundedPerVatRate.Select(r => (JsonNode)new JsonObject
        {
            ["vatRate"] = r.VatRate,
            ["amount"] = Money(r.Amount),
            ["vat"] = Money(r.Vat),
        }).ToArray()),
        ["leftOnInvoice"] = Money(proposal.LeftOnInvoice),
        ["leftOnOrder"] = proposal.LeftOnOrder is { } o ? Money(o) : null,
        ["plan"] = proposal.Plan is { } plan ? Plan(plan) : null,
        ["violations"] = new JsonArray(proposal.Violations.Select(v => (JsonNode)new JsonObject
        {
            ["rule"] = v.Rule.ToString(),
            ["message"] = v.GetMessage(culture),
        }).ToArray()),
    };
}
