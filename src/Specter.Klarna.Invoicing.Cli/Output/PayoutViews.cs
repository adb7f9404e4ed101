using System.Globalization;
using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>Payouts as the ERP user sees them: what each payout paid, its booking lines and whether it balances (Swedish or English).</summary>
internal sealed class PayoutViews(CliSettings settings, TextRenderer renderer)
{
    private readonly Views _views = new(settings, renderer);

    public string Payouts(IReadOnlyList<PayoutImportResult> results)
    {
        var sb = new StringBuilder();
        if (results.Count == 0)
        {
            return sb.AppendLine(settings.T("Inga utbetalningar från Klarna under perioden.", "No Klarna payouts in the period.")).ToString();
        }

        var table = Tables.New(
            settings.T("Betalningsreferens", "Payment reference"),
            settings.T("Utbetalningsdag", "Payout date"),
            settings.T("Till banken", "To the bank"),
            settings.T("Märkningar (nya)", "Markings (new)"),
            settings.T("Avstämning", "Balance")).RightAlign(2);
        foreach (var result in results)
        {
            var r = result.Reconciliation;
            table.Row(
                r.Payout.PaymentReference,
                Day(r.Payout.PayoutDate),
                _views.Money(r.Payout.Totals.Settlement),
                $"{r.Markings.Count} ({result.NewMarkings.Count})",
                Balance(r));
        }

        sb.Append(_views.Render(table));
        foreach (var result in results.Where(r => !r.Reconciliation.IsBalanced))
        {
            sb.Append(Unbalanced(result.Reconciliation));
        }

        return sb.AppendLine(settings.T(
            $"{results.Count} utbetalningar lästa, {results.Sum(r => r.NewMarkings.Count)} nya betalningsmärkningar bokförda i reskontran.",
            $"{results.Count} payouts read, {results.Sum(r => r.NewMarkings.Count)} new payment markings recorded in the ledger.")).ToString();
    }

    public string Reconciliation(PayoutImportResult result)
    {
        var r = result.Reconciliation;
        var sb = new StringBuilder();
        sb.Append(_views.Render(Tables.New(settings.T("Utbetalning", "Payout"), settings.T("Värde", "Value"))
            .Row(settings.T("Betalningsreferens", "Payment reference"), r.Payout.PaymentReference)
            .Row(settings.T("Utbetalningsdag", "Payout date"), Day(r.Payout.PayoutDate))
            .Row(settings.T("Avräkning", "Settlement type"), r.Payout.SettlementType.Value)
            .Row(settings.T("Till banken", "To the bank"), _views.Money(r.Payout.Totals.Settlement))));

        var added = result.NewMarkings.Select(m => (m.Kind, m.DocumentNumber)).ToHashSet();
        var markings = Tables.New(settings.T("Dokument", "Document"), settings.T("Slag", "Kind"), settings.T("Belopp", "Amount"), settings.T("Matchad via", "Matched by"), settings.T("Ny", "New")).RightAlign(2);
        foreach (var m in r.Markings)
        {
            markings.Row(m.DocumentNumber, Kind(m.Kind), _views.Money(m.Amount), Match(m.MatchedBy), added.Contains((m.Kind, m.DocumentNumber)) ? settings.T("ja", "yes") : "-");
        }

        sb.Append(_views.Render(markings));
        if (r.BookingLines.Count > 0)
        {
            var lines = Tables.New(settings.T("Rad", "Line"), settings.T("Faktura", "Invoice"), settings.T("Belopp", "Amount"), settings.T("Moms", "VAT"), settings.T("I utbetalningen", "In the payout")).RightAlign(2, 3);
            foreach (var l in r.BookingLines)
            {
                lines.Row($"{l.Type}/{l.DetailedType ?? "-"}", l.InvoiceNumber ?? "-", _views.Money(l.Amount), _views.Money(l.Vat), l.SettledSeparately ? settings.T("nej (faktureras separat)", "no (invoiced separately)") : settings.T("ja", "yes"));
            }

            sb.Append(_views.Render(lines));
        }

        sb.AppendLine(settings.T(
            $"Kontroll: märkningar + rader = {_views.Money(r.Reconciled)}, till banken {_views.Money(r.Payout.Totals.Settlement)}, differens {_views.Money(r.Difference)}: {Balance(r)}.",
            $"Check: markings + lines = {_views.Money(r.Reconciled)}, to the bank {_views.Money(r.Payout.Totals.Settlement)}, difference {_views.Money(r.Difference)}: {Balance(r)}."));
        if (!r.IsBalanced)
        {
            sb.Append(Unbalanced(r));
        }

        foreach (var warning in r.TotalsWarnings)
        {
            sb.AppendLine(settings.T("Varning (Klarnas totaler): ", "Warning (Klarna's totals): ") + Harmless.Text(warning));
        }

        return sb.ToString();
    }

    private string Unbalanced(PayoutReconciliation r)
    {
        var sb = new StringBuilder().AppendLine(settings.T(
            $"Utbetalning {Harmless.Text(r.Payout.PaymentReference)} går inte jämnt ut: differens {_views.Money(r.Difference)}. Omatchade transaktioner:",
            $"Payout {Harmless.Text(r.Payout.PaymentReference)} does not balance: difference {_views.Money(r.Difference)}. Unmatched transactions:"));
        foreach (var u in r.Unmatched)
        {
            var reference = u.Transaction.MerchantCaptureReference ?? u.Transaction.MerchantRefundReference ?? u.Transaction.CaptureId ?? u.Transaction.RefundId ?? "-";
            sb.AppendLine(Harmless.Text($"  {u.Transaction.Type} {_views.Money(u.Transaction.Amount)} {reference} (order {u.Transaction.OrderId ?? "-"}): {u.Reason}"));
        }

        return sb.ToString();
    }

    private string Balance(PayoutReconciliation r) =>
        r.IsBalanced ? settings.T("stämmer", "balanced") : settings.T("STÄMMER INTE", "NOT BALANCED");

    private string Kind(PaymentMarkingKind kind) =>
        kind == PaymentMarkingKind.InvoicePayment ? settings.T("betald av Klarna", "paid by Klarna") : settings.T("återbetalning", "refund");

    private string Match(PaymentMatch match) =>
        match == PaymentMatch.Reference ? settings.T("referens", "reference") : settings.T("Klarna-id", "Klarna id");

    private static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
