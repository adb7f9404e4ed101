namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Builds the Klarna capture for a planned invoice: lines that satisfy Klarna's rules and sum exactly to the invoice.</summary>
/// <remarks>The default description is Swedish ("Leveransfaktura 10045"): the customers of the ERPs this library serves read Swedish.</remarks>
internal static class KlarnaCaptureBuilder
{
    /// <summary>Returns the capture, or <see langword="null"/> when the order has no Klarna reservation or the invoice nets to zero.</summary>
    public static KlarnaCapturePlan? Build(InvoicingOrder order, InvoicePlan plan, InvoicePlanRequest request)
    {
        if (order.KlarnaOrderId is null || plan.Total.MinorUnits == 0)
        {
            return null;
        }

        var lines = new List<KlarnaCaptureLine>(plan.Lines.Count);
        foreach (var line in plan.Lines)
        {
            if (line.Amount.MinorUnits != 0 || line.Quantity > 0)
            {
                KlarnaLineBuilder.Build(line, lines);
            }
        }

        var merged = KlarnaLineMerger.MergeIfNeeded(lines);
        long captured = 0;
        foreach (var line in merged)
        {
            captured += line.TotalAmount;
        }

        string description = request.Description ?? DefaultDescription(plan.Type, plan.InvoiceNumber);
        var capture = new KlarnaCapturePlan
        {
            CapturedAmount = new Money(captured, plan.Total.Currency),
            Reference = plan.InvoiceNumber,
            Description = KlarnaLineBuilder.Truncate(description, KlarnaLimits.MaxText)!,
            Lines = merged,
        };
        System.Diagnostics.Debug.Assert(capture.CapturedAmount == plan.Total, "The capture sums exactly to the invoice.");
        return capture;
    }

    public static string DefaultDescription(InvoiceType type, string invoiceNumber) => type switch
    {
        InvoiceType.Delivery => "Leveransfaktura ",
        InvoiceType.Final => "Slutfaktura ",
        _ => "Förskottsfaktura ",
    } + invoiceNumber;
}
