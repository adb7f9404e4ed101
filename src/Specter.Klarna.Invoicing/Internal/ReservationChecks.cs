namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Checks an order's live Klarna reservation before anything is captured (Klarna would refuse, or must not be asked).</summary>
internal static class ReservationChecks
{
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
            warnings.Add(Blocking(ProposalWarningCode.ReservationCancelled));
        }
        else if (status == KlarnaOrderStatus.Closed)
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationClosed));
        }
        else if (status == KlarnaOrderStatus.Captured || (status != KlarnaOrderStatus.Expired && klarnaOrder.RemainingAuthorizedAmount.MinorUnits <= 0))
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationFullyCaptured));
        }

        if (status == KlarnaOrderStatus.Expired || (klarnaOrder.ExpiresAt is { } expired && expired <= now))
        {
            warnings.Add(Blocking(ProposalWarningCode.ReservationExpired, klarnaOrder.ExpiresAt ?? now));
        }
        else if (klarnaOrder.ExpiresAt is { } expiresAt && expiresAt - now <= TimeSpan.FromDays(expiryWarningDays))
        {
            var daysLeft = (int)Math.Floor((expiresAt - now).TotalDays);
            warnings.Add(Create(ProposalWarningCode.ReservationExpiresSoon, false, expiresAt, daysLeft));
        }

        if (klarnaOrder.FraudStatus == KlarnaFraudStatus.Pending)
        {
            warnings.Add(Blocking(ProposalWarningCode.FraudReviewPending));
        }
        else if (klarnaOrder.FraudStatus == KlarnaFraudStatus.Rejected)
        {
            warnings.Add(Blocking(ProposalWarningCode.FraudRejected));
        }

        if (!string.Equals(order.Currency, klarnaOrder.Currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(Blocking(ProposalWarningCode.CurrencyMismatch, order.Currency.ToUpperInvariant(), klarnaOrder.Currency.Code));
        }

        if (requestedType == InvoiceType.Prepayment && !prepaymentEnabled)
        {
            warnings.Add(Blocking(ProposalWarningCode.PrepaymentNotEnabled));
        }

        return warnings;
    }

    public static ProposalWarning ExceedsRemaining(Money invoice, Money remaining) =>
        new(ProposalWarningCode.ExceedsRemainingAuthorized, IsBlocking: true, [invoice, remaining, invoice - remaining]);

    /// <summary>The invoice exceeds the remaining authorization, and credited prepayments explain why (docs/corrections.md, "crediting a prepayment").</summary>
    public static ProposalWarning ExceedsRemaining(Money invoice, Money remaining, CreditedPrepayments credited) => credited.IsEmpty
        ? ExceedsRemaining(invoice, remaining)
        : new(ProposalWarningCode.AuthorizationSpentByCreditedPrepayment, IsBlocking: true, [invoice, remaining, invoice - remaining, credited.PrepaymentInvoices, credited.Refunded, credited.CreditInvoices]);

    public static ProposalWarning KlarnaUnavailable(string reason) => new(ProposalWarningCode.KlarnaUnavailable, IsBlocking: false, [reason]);

    /// <summary>Klarna answered 401/403 to reading the order: the merchant profile's credentials are wrong. Blocking: creating would only be refused.</summary>
    public static ProposalWarning CredentialsRefused(string merchant, int httpStatus) =>
        new(ProposalWarningCode.KlarnaCredentialsRefused, IsBlocking: true, [merchant, httpStatus]);

    /// <summary>A final invoice while nothing is delivered captures goods not yet shipped; the ERP may offer it, so it only warns.</summary>
    public static ProposalWarning FinalCapturesUndelivered(Money total) =>
        new(ProposalWarningCode.FinalInvoiceCapturesUndelivered, IsBlocking: false, [total]);

    private static ProposalWarning Blocking(ProposalWarningCode code, params object?[] args) => new(code, IsBlocking: true, args);

    private static ProposalWarning Create(ProposalWarningCode code, bool blocking, params object?[] args) => new(code, blocking, args);
}
