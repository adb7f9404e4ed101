using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>The credit proposal as the ERP user sees it: what is refunded per VAT rate, and what is left on the invoice and the order.</summary>
internal sealed partial class Views
{
    public string CreditProposal(CreditProposal proposal, string? creditNumber)
    {
        var s = Settings;
        var sb = new StringBuilder();
        var facts = Tables.New(s.T("Fält", "Field"), s.T("Värde", "Value"))
            .Row(s.T("Krediterad faktura", "Invoice credited"), proposal.InvoiceNumber)
            .Row(s.T("Kreditfaktura", "Credit invoice"), creditNumber ?? s.T("(förhandsgranskning)", "(preview)"))
            .Row(s.T("Återbetalas", "Refunded"), proposal.Plan is { } p ? Money(p.Total) : "-")
            .Row(s.T("Kvar att kreditera på fakturan", "Left to credit on the invoice"), Money(proposal.LeftOnInvoice))
            .Row(s.T("Kvar att återbetala på ordern hos Klarna", "Left to refund on the order at Klarna"), proposal.LeftOnOrder is { } o ? Money(o) : s.T("- (ingen Klarna-reservation)", "- (no Klarna reservation)"))
            .Row(s.T("Kan skapas", "Can be created"), proposal.CanCreate ? s.T("ja", "yes") : s.T("nej", "no"));
        sb.Append(Render(facts));
        if (proposal.RefundedPerVatRate.Count > 0)
        {
            var perRate = Tables.New(s.T("Moms %", "VAT %"), s.T("Belopp", "Amount"), s.T("Moms", "VAT")).RightAlign(0, 1, 2);
            foreach (var rate in proposal.RefundedPerVatRate)
            {
                perRate.Row(Number(rate.VatRate), Money(rate.Amount), Money(rate.Vat));
            }

            sb.AppendLine(s.T("Återbetalas per momssats:", "Refunded per VAT rate:")).Append(Render(perRate));
        }

        if (proposal.Plan is { } plan)
        {
            sb.Append(PlanTable(plan, preview: true));
        }

        foreach (var violation in proposal.Violations)
        {
            sb.Append(s.T("Regel bruten", "Rule broken")).Append(" [").Append(violation.Rule).Append("]: ").AppendLine(Harmless.Text(violation.GetMessage(Culture)));
        }

        return sb.ToString();
    }
}
