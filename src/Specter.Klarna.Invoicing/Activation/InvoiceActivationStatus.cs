using System.Globalization;
using Specter.Klarna.Invoicing.Resources;

namespace Specter.Klarna.Invoicing;

/// <summary>An invoice's Klarna activation status, for the Klarna icon in the ERP and its tooltip; for a credit invoice, its refund's status.</summary>
public sealed record InvoiceActivationStatus
{
    /// <summary>Gets the ERP invoice number.</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the activation state.</summary>
    public required ActivationState State { get; init; }

    /// <summary>Gets the Klarna order id (reservation), or <see langword="null"/> when the order has none.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets the amount captured (or to be captured) at Klarna, or <see langword="null"/> when nothing is sent.</summary>
    public Money? Amount { get; init; }

    /// <summary>Gets Klarna's capture id once activated.</summary>
    public string? CaptureId { get; init; }

    /// <summary>Gets the capture's customer-facing Klarna reference, when known.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets when the invoice was activated.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Gets Klarna's refusal (for <see cref="ActivationState.Failed"/>) or the last transport problem (for <see cref="ActivationState.Unknown"/>).</summary>
    public ActivationFailure? Failure { get; init; }

    /// <summary>Gets the activation attempt number.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Gets the number of the invoice this credit invoice credits, or <see langword="null"/> when this is an invoice.</summary>
    /// <remarks>For a credit invoice <see cref="State"/> is its refund's state, <see cref="CaptureId"/> Klarna's refund id and <see cref="Amount"/> the refund.</remarks>
    public string? CreditedInvoiceNumber { get; init; }

    /// <summary>Gets a value indicating whether this is a credit invoice.</summary>
    public bool IsCredit => CreditedInvoiceNumber is not null;

    /// <summary>Gets the credit invoices against this invoice (refunded, in progress or failed), oldest first.</summary>
    public IReadOnlyList<InvoiceCredit> Credits { get; init; } = [];

    /// <summary>Gets a value indicating whether the invoice is locked (activated: it can only be credited).</summary>
    public bool IsLocked => State == ActivationState.Activated;

    /// <summary>Gets the short status text, for example "Fakturan är aktiverad hos Klarna".</summary>
    /// <param name="culture">The culture (Swedish for <c>sv</c>, otherwise English), or <see langword="null"/> for the current UI culture.</param>
    /// <returns>The text.</returns>
    public string GetText(CultureInfo? culture = null) => Texts.Get((IsCredit ? "Status_Credit_" : "Status_") + State, culture);

    /// <summary>Gets the tooltip text: when and with which capture id, or Klarna's reason word for word.</summary>
    /// <param name="culture">The culture (Swedish for <c>sv</c>, otherwise English), or <see langword="null"/> for the current UI culture.</param>
    /// <param name="timeZone">The time zone to show the activation time in (for example <see cref="TimeZoneInfo.Local"/>), or <see langword="null"/> for UTC.</param>
    /// <returns>The text.</returns>
    public string GetTooltip(CultureInfo? culture = null, TimeZoneInfo? timeZone = null)
    {
        var amount = Amount is { } money ? money.ToString(culture ?? CultureInfo.CurrentUICulture) : string.Empty;
        var local = ActivatedAt is { } at && timeZone is not null ? TimeZoneInfo.ConvertTime(at, timeZone) : ActivatedAt?.ToUniversalTime();
        var when = local?.DateTime;
        var zone = local is { Offset: var offset } && offset != TimeSpan.Zero
            ? "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)
            : "UTC";
        if (IsCredit)
        {
            return CreditTooltip(culture, when, amount, zone);
        }

        return State switch
        {
            ActivationState.Activated => Texts.Format(
                "Tooltip_Activated",
                culture,
                when,
                CaptureId,
                KlarnaReference is null ? string.Empty : Texts.Format("Tooltip_KlarnaReference", culture, KlarnaReference),
                amount,
                zone) + CreditedSuffix(culture),
            ActivationState.Pending => Texts.Format("Tooltip_Pending", culture, amount, KlarnaOrderId),
            // "Klarna refused" only when Klarna answered; a body the library refused, or an outcome recovery concluded, says what happened.
            ActivationState.Failed when Failure is { HttpStatus: null } => Texts.Format("Tooltip_FailedNotByKlarna", culture, DescribeFailure()),
            ActivationState.Failed => Texts.Format("Tooltip_Failed", culture, DescribeFailure(), CorrelationSuffix(culture)),
            ActivationState.Unknown => Texts.Format("Tooltip_Unknown", culture, DescribeFailure()),
            _ => Texts.Get("Tooltip_NotKlarna", culture),
        };
    }

    private string CreditTooltip(CultureInfo? culture, DateTime? when, string amount, string zone) => State switch
    {
        ActivationState.Activated => Texts.Format("Tooltip_Credit_Activated", culture, when, CaptureId, amount, CreditedInvoiceNumber, zone),
        ActivationState.Pending => Texts.Format("Tooltip_Credit_Pending", culture, amount, CreditedInvoiceNumber),
        ActivationState.Failed => Texts.Format("Tooltip_Credit_Failed", culture, DescribeFailure(), CorrelationSuffix(culture)),
        ActivationState.Unknown => Texts.Format("Tooltip_Credit_Unknown", culture, DescribeFailure()),
        _ => Texts.Format("Tooltip_Credit_NotKlarna", culture, CreditedInvoiceNumber),
    };

    /// <summary>" Credited 250,00 kr by K-1, K-2." for the refunded credits, or nothing.</summary>
    private string CreditedSuffix(CultureInfo? culture)
    {
        var refunded = Credits.Where(c => c.State is ActivationState.Activated or ActivationState.NotKlarna).ToList();
        if (refunded.Count == 0)
        {
            return string.Empty;
        }

        var total = refunded.Skip(1).Aggregate(refunded[0].Amount, (sum, c) => sum + c.Amount);
        return Texts.Format("Tooltip_Credited", culture, total.ToString(culture ?? CultureInfo.CurrentUICulture), string.Join(", ", refunded.Select(c => c.CreditNumber)));
    }

    private string DescribeFailure()
    {
        if (Failure is null)
        {
            return "-";
        }

        var messages = string.Join(" ", Failure.ErrorMessages);
        return Failure.ErrorCode is null ? messages : $"{Failure.ErrorCode}: {messages}";
    }

    private string CorrelationSuffix(CultureInfo? culture) =>
        Failure?.CorrelationId is { } id ? Texts.Format("Tooltip_CorrelationId", culture, id) : string.Empty;
}
