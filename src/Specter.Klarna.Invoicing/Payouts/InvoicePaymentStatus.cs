using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing;

/// <summary>Whether Klarna has paid an invoice, for the ERP's invoice list and tooltip.</summary>
public sealed record InvoicePaymentStatus
{
    /// <summary>Gets the invoice number.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the invoice's payment markings, oldest first (empty when unpaid).</summary>
    public required IReadOnlyList<PaymentMarking> Markings { get; init; }

    /// <summary>Gets a value indicating whether a Klarna payout has paid the invoice.</summary>
    public bool IsPaid => Markings.Any(m => m.Kind == PaymentMarkingKind.InvoicePayment);

    /// <summary>Gets the status text: "Paid by Klarna" / "Betald av Klarna", or "Not yet paid by Klarna" / "Ännu inte betald av Klarna".</summary>
    /// <param name="culture">The culture (Swedish for <c>sv</c>, otherwise English), or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The text.</returns>
    public string GetText(CultureInfo? culture = null) => Texts.Get(IsPaid ? "Payment_Paid" : "Payment_NotPaid", culture);

    /// <summary>Gets the tooltip: amount, payout date and payment reference of each payout that paid the invoice.</summary>
    /// <param name="culture">The culture (Swedish for <c>sv</c>, otherwise English), or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The tooltip.</returns>
    public string GetTooltip(CultureInfo? culture = null)
    {
        var payments = Markings.Where(m => m.Kind == PaymentMarkingKind.InvoicePayment).ToList();
        if (payments.Count == 0)
        {
            return Texts.Get("PaymentTooltip_NotPaid", culture);
        }

        return string.Join(" ", payments.Select(m =>
            Texts.Format("PaymentTooltip_Paid", culture, m.Amount, m.PayoutDate.UtcDateTime, m.PaymentReference)));
    }
}
