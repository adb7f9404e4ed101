using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>
/// After a prepayment is credited, the rest of the order needs more than Klarna holds (a refund does not restore the
/// authorization): the library refuses the next invoice saying so, and the soak does what the text says.
/// </summary>
internal sealed partial class SoakOrder
{
    private static bool SpentByCreditedPrepayment(KlarnaInvoicingRuleException ex) =>
        ex.Rule == KlarnaInvoicingRule.ExceedsAuthorizedAmount && ex.Violation?.MessageCode == "Warning_" + nameof(ProposalWarningCode.AuthorizationSpentByCreditedPrepayment);

    /// <summary>What Klarna refunded of the order's prepayments (refunded credits of prepayment invoices): later invoices capture it again.</summary>
    private static long RefundedPrepayments(IReadOnlyList<LedgerInvoice> rows)
    {
        var prepayments = rows.Where(r => r.DocumentKind == LedgerDocumentKind.Invoice && r.Plan.Type == InvoiceType.Prepayment).Select(r => r.InvoiceNumber).ToHashSet();
        return rows.Where(r => r.DocumentKind == LedgerDocumentKind.Credit && r.State == ActivationState.Activated && prepayments.Contains(r.CreditedInvoiceNumber ?? string.Empty))
            .Sum(r => r.Plan.Capture?.CapturedAmount.MinorUnits ?? 0);
    }

    /// <summary>Updates the reservation to the order plus what was refunded (the order's payment method, an invoice, allows the increase); false when Klarna refused.</summary>
    private async Task<bool> MakeRoomAsync(int server)
    {
        try
        {
            var updated = await CallAsync(server, s => s.UpdateReservationAsync(_order), "update-authorization");
            _authorized = Math.Max(_authorized, updated.OrderAmount.MinorUnits);
            Log($"  update-authorization on server {server}: order amount {updated.OrderAmount.MinorUnits}, remaining {updated.RemainingAuthorizedAmount.MinorUnits}");
            figures.Add("authorization updates after a prepayment credit");
            return true;
        }
        catch (KlarnaApiException ex)
        {
            Log($"  update-authorization on server {server}: Klarna refused {(int)ex.StatusCode} {ex.ErrorCode}");
            figures.Add("refused authorization updates");
            return false;
        }
    }
}
