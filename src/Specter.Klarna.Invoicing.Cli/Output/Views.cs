using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>What the ERP user sees, as Spectre.Console tables (Swedish or English); every text from outside is made harmless.</summary>
internal sealed partial class Views(CliSettings settings, TextRenderer? renderer = null)
{
    private readonly TextRenderer _renderer = renderer ?? TextRenderer.Plain;

    private CultureInfo Culture => settings.Culture;

    private CliSettings Settings => settings;

    public string TypeName(InvoiceType? type) => type switch
    {
        InvoiceType.Delivery => settings.T("Leveransfaktura", "Delivery invoice"),
        InvoiceType.Final => settings.T("Slutfaktura", "Final invoice"),
        InvoiceType.Prepayment => settings.T("Förskottsfaktura", "Prepayment invoice"),
        _ => settings.T("Inget att fakturera", "Nothing to invoice"),
    };

    public string ReasonText(InvoiceTypeReason reason) => reason switch
    {
        InvoiceTypeReason.DeliveredNotInvoiced => settings.T("levererat men ej fakturerat finns", "delivered, not yet invoiced"),
        InvoiceTypeReason.NothingDeliveredRemainderOpen => settings.T("inget levererat, resten av ordern är öppen", "nothing delivered, the rest of the order is open"),
        _ => settings.T("allt är redan fakturerat", "everything is already invoiced"),
    };

    public string Money(Money money) =>
        money.ToMajorUnits().ToString("N" + money.Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), Culture) + " " + money.Currency.Code;

    public string Number(decimal value) => value.ToString("0.###", Culture);

    public string Proposal(InvoiceProposal proposal)
    {
        var sb = new StringBuilder();
        var facts = Tables.New(settings.T("Fält", "Field"), settings.T("Värde", "Value"))
            .Row(settings.T("Order", "Order"), proposal.OrderNumber)
            .Row(settings.T("Föreslagen typ", "Proposed type"), $"{TypeName(proposal.Decision.Proposed)} ({ReasonText(proposal.Decision.Reason)})")
            .Row(settings.T("Tillåtna typer", "Allowed types"), string.Join(", ", proposal.Decision.Allowed.Select(t => TypeName(t))))
            .Row(settings.T("Leveranser hittills", "Deliveries so far"), proposal.DeliveryCount.ToString(Culture))
            .Row(settings.T("Reservation", "Reservation"), proposal.GetReservationText(Culture));
        if (proposal.Reservation is { } r)
        {
            facts.Row(settings.T("Klarna-status", "Klarna status"), $"{r.Status} / {r.FraudStatus}")
                .Row(settings.T("Kvar att dra", "Remaining authorized"), Money(r.RemainingAuthorizedAmount))
                .Row(settings.T("Draget", "Captured"), Money(r.CapturedAmount))
                .Row(settings.T("Går ut", "Expires"), r.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        }

        facts.Row(settings.T("Utskrift / e-post", "Print / e-mail"), $"{YesNo(proposal.PrintByDefault)} / {YesNo(proposal.EmailByDefault)}")
            .Row(settings.T("Kan skapas", "Can be created"), YesNo(proposal.CanCreate));
        sb.Append(Render(facts));
        if (proposal.Plan is { } plan)
        {
            sb.Append(PlanTable(plan, preview: true));
        }

        foreach (var warning in proposal.Warnings)
        {
            sb.Append(settings.T("Varning", "Warning")).Append(warning.IsBlocking ? settings.T(" (blockerar)", " (blocking)") : string.Empty)
                .Append(" [").Append(warning.Code).Append("]: ").AppendLine(Harmless.Text(warning.GetMessage(Culture)));
        }

        foreach (var violation in proposal.Violations)
        {
            sb.Append(settings.T("Regel bruten", "Rule broken")).Append(" [").Append(violation.Rule).Append("]: ").AppendLine(Harmless.Text(violation.GetMessage(Culture)));
        }

        return sb.ToString();
    }

    public string PlanTable(InvoicePlan plan, bool preview = false)
    {
        var table = Tables.New(
                settings.T("Art.nr", "Article"),
                settings.T("Benämning", "Description"),
                settings.T("Antal", "Qty"),
                settings.T("Moms %", "VAT %"),
                settings.T("Rabatt", "Discount"),
                settings.T("Moms", "VAT"),
                settings.T("Belopp", "Amount"))
            .RightAlign(2, 3, 4, 5, 6);
        foreach (var line in plan.Lines)
        {
            string description = line.Kind switch
            {
                InvoicePlanLineKind.Prepayment => settings.T("Förskott: ", "Prepayment: ") + line.Description,
                InvoicePlanLineKind.PrepaymentNetting => settings.T("Avräkning förskott: ", "Prepayment netted: ") + line.Description,
                _ => line.Description,
            };
            table.Row(
                line.ArticleNumber ?? string.Empty,
                description,
                Number(line.Quantity) + (line.Unit is null ? string.Empty : " " + line.Unit),
                Number(line.VatRate),
                line.DiscountAmount is { } d ? Money(d) : string.Empty,
                Money(line.VatAmount),
                Money(line.Amount));
        }

        table.Footer(string.Empty, settings.T("Summa", "Total"), string.Empty, string.Empty, string.Empty, Money(plan.VatTotal), Money(plan.Total));
        string heading = $"{TypeName(plan.Type)} {(preview ? settings.T("(förhandsgranskning)", "(preview)") : Harmless.Text(plan.InvoiceNumber))}{(plan.PrepaymentPercent is { } p ? $" ({Number(p)} %)" : string.Empty)}";
        string capture = plan.Capture is { } c
            ? settings.T("Dras hos Klarna: ", "Captured at Klarna: ") + Money(c.CapturedAmount) + $" ({c.Lines.Count} {(c.Lines.Count == 1 ? settings.T("rad", "line") : settings.T("rader", "lines"))})"
            : settings.T("Inget dras hos Klarna.", "Nothing is captured at Klarna.");
        return heading + Environment.NewLine + Render(table) + capture + Environment.NewLine;
    }

    public string Status(InvoiceActivationStatus status)
    {
        var table = Tables.New(settings.T("Faktura", "Invoice"), settings.T("Status", "Status"), settings.T("Låst", "Locked"), settings.T("Belopp", "Amount"))
            .Row(
                Tables.Cell(status.InvoiceNumber),
                Tables.Cell(status.GetText(Culture), Tables.StateStyle(status.State)),
                Tables.Cell(YesNo(status.IsLocked)),
                Tables.Cell(status.Amount is { } a ? Money(a) : "-"));
        return Render(table) + settings.T("Info (tooltip): ", "Tooltip: ") + Harmless.Text(status.GetTooltip(Culture, TimeZoneInfo.Local)) + Environment.NewLine;
    }

    public string Result(InvoiceResult result)
    {
        var sb = new StringBuilder(PlanTable(result.Plan)).Append(Status(result.Status));
        if (result.RemainingAuthorizationReleased)
        {
            sb.AppendLine(settings.T("Ordern är slutfakturerad: återstående reservation släpptes hos Klarna.", "Order fully invoiced: the remaining authorization was released at Klarna."));
        }

        foreach (var warning in result.Warnings)
        {
            sb.Append(settings.T("Varning", "Warning")).Append(" [").Append(warning.Code).Append("]: ").AppendLine(Harmless.Text(warning.GetMessage(Culture)));
        }

        return sb.ToString();
    }

    public string KlarnaOrder(KlarnaOrder order)
    {
        var sb = new StringBuilder();
        sb.Append(Render(Tables.New(settings.T("Fält", "Field"), settings.T("Värde", "Value"))
            .Row("Klarna order id", order.OrderId)
            .Row(settings.T("Status", "Status"), $"{order.Status} / {order.FraudStatus}")
            .Row(settings.T("Orderbelopp", "Order amount"), Money(order.OrderAmount))
            .Row(settings.T("Draget", "Captured"), Money(order.CapturedAmount))
            .Row(settings.T("Återbetalt", "Refunded"), Money(order.RefundedAmount))
            .Row(settings.T("Kvar att dra", "Remaining authorized"), Money(order.RemainingAuthorizedAmount))
            .Row(settings.T("Går ut", "Expires"), order.ExpiresAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-")
            .Row(settings.T("Orderreferens", "Merchant reference"), order.MerchantReference1 ?? "-")));
        if (order.Captures.Count > 0)
        {
            var captures = Tables.New("Capture id", settings.T("Referens (faktura)", "Reference (invoice)"), settings.T("Belopp", "Amount"), settings.T("Återbetalt", "Refunded"), settings.T("Tid", "Time"))
                .RightAlign(2, 3);
            foreach (var c in order.Captures)
            {
                captures.Row(c.CaptureId, c.Reference ?? "-", Money(new Money(c.CapturedAmount, order.Currency)), Money(new Money(c.RefundedAmount, order.Currency)), c.CapturedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-");
            }

            sb.Append(Render(captures));
        }

        return sb.ToString();
    }

    public string Recovery(RecoveryReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(settings.T(
            $"Avstämning: {report.Examined} undersökta, {report.Settled.Count} avgjorda, {report.StillUnsettled} fortfarande oavgjorda.",
            $"Recovery: {report.Examined} examined, {report.Settled.Count} settled, {report.StillUnsettled} still unsettled."));
        foreach (var status in report.Settled)
        {
            sb.Append(Status(status));
        }

        return sb.ToString();
    }

    public string Render(Spectre.Console.Rendering.IRenderable renderable) => _renderer.Render(renderable);

    private string YesNo(bool value) => value ? settings.T("ja", "yes") : settings.T("nej", "no");
}
