using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Checks an order's live Klarna reservation before anything is captured (Klarna would refuse, or must not be asked).</summary>
internal static class ReservationChecks
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv");

    public static List<ProposalWarning> Evaluate(
        InvoicingOrder order,
        KlarnaOrder klarnaOrder,
        InvoiceType? requestedType,
        bool prepaymentEnabled,
        DateTimeOffset now,
        int expiryWarningDays)
    {
        var warnings = new List<ProposalWarning>();
        var status = klarnaOrder.Status;

        if (status == KlarnaOrderStatus.Cancelled)
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationCancelled, "Warning_Cancelled"));
        }
        else if (status == KlarnaOrderStatus.Closed)
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationClosed, "Warning_Closed"));
        }
        else if (status == KlarnaOrderStatus.Captured || (status != KlarnaOrderStatus.Expired && klarnaOrder.RemainingAuthorizedAmount <= 0))
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationFullyCaptured, "Warning_FullyCaptured"));
        }

        if (status == KlarnaOrderStatus.Expired || (klarnaOrder.ExpiresAt is { } expired && expired <= now))
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationExpired, "Warning_Expired", klarnaOrder.ExpiresAt ?? now));
        }
        else if (klarnaOrder.ExpiresAt is { } expiresAt && expiresAt - now <= TimeSpan.FromDays(expiryWarningDays))
        {
            var daysLeft = (int)Math.Floor((expiresAt - now).TotalDays);
            warnings.Add(Create(ProposalWarningCode.ReservationExpiresSoon, false, "Warning_ExpiresSoon", expiresAt, daysLeft));
        }

        if (klarnaOrder.FraudStatus == KlarnaFraudStatus.Pending)
        {
            warnings.Add(Blocking(ProposalWarningCode.FraudReviewPending, "Warning_FraudPending"));
        }
        else if (klarnaOrder.FraudStatus == KlarnaFraudStatus.Rejected)
        {
            warnings.Add(Blocking(ProposalWarningCode.FraudRejected, "Warning_FraudRejected"));
        }

        if (!string.Equals(order.Currency, klarnaOrder.PurchaseCurrency, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(Blocking(ProposalWarningCode.CurrencyMismatch, "Warning_CurrencyMismatch", order.Currency.ToUpperInvariant(), klarnaOrder.PurchaseCurrency.ToUpperInvariant()));
        }

        if (requestedType == InvoiceType.Prepayment && !prepaymentEnabled)
        {
            warnings.Add(Blocking(ProposalWarningCode.PrepaymentNotEnabled, "Warning_PrepaymentNotEnabled"));
        }

        return warnings;
    }

    public static ProposalWarning ExceedsRemaining(Money invoice, Money remaining) => new(
        ProposalWarningCode.ExceedsRemainingAuthorized,
        IsBlocking: true,
        Texts.Format("Warning_ExceedsRemaining", English, MoneyDisplay.Format(invoice, English), MoneyDisplay.Format(remaining, English), MoneyDisplay.Format(invoice - remaining, English)),
        Texts.Format("Warning_ExceedsRemaining", Swedish, MoneyDisplay.Format(invoice, Swedish), MoneyDisplay.Format(remaining, Swedish), MoneyDisplay.Format(invoice - remaining, Swedish)));

    public static ProposalWarning KlarnaUnavailable(string reason) =>
        Create(ProposalWarningCode.KlarnaUnavailable, false, "Warning_KlarnaUnavailable", reason);

    private static ProposalWarning Blocking(ProposalWarningCode code, string key, params object?[] args) => Create(code, true, key, args);

    private static ProposalWarning Create(ProposalWarningCode code, bool blocking, string key, params object?[] args) =>
        new(code, blocking, Texts.Format(key, English, args), Texts.Format(key, Swedish, args));
}
