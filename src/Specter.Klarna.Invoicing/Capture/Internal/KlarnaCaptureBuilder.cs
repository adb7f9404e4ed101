namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>Builds the Klarna capture for a planned invoice: lines that satisfy Klarna's rules and sum exactly to the invoice.</summary>
/// <remarks>The default description ("Leveransfaktura 10045") is in the merchant profile's language (Swedish unless configured).</remarks>
internal static class KlarnaCaptureBuilder
{
    /// <summary>Returns the capture, or <see langword="null"/> when the order has no Klarna reservation or the invoice nets to zero.</summary>
    public static KlarnaCapturePlan? Build(InvoicingOrder order, InvoicePlan plan, InvoicePlanRequest request)
    {
        if (order.KlarnaOrderId is null || plan.Total.MinorUnits == 0)
        {
            return null;
        }

        int count = 0;
        foreach (var line in plan.Lines)
        {
            count += IsSent(line) ? KlarnaLineBuilder.CountOf(line) : 0;
        }

        List<KlarnaCaptureLine> merged;
        if (count <= KlarnaLimits.MaxLines)
        {
            merged = new List<KlarnaCaptureLine>(count);
            foreach (var line in plan.Lines)
            {
                if (IsSent(line))
                {
                    KlarnaLineBuilder.Build(line, merged, request.Language);
                }
            }
        }
        else
        {
            // Above Klarna's line limit the lines are merged per VAT rate, which reads only their sums: no line is built to be thrown away.
            merged = Merged(plan.Lines, request.Language);
        }

        long captured = 0;
        foreach (var line in merged)
        {
            captured += line.TotalAmount;
        }

        string description = request.Description ?? DefaultDescription(plan.Type, plan.InvoiceNumber, request.Language);
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

    /// <summary>The lines merged per VAT rate from their sums (a method of its own, so only this path allocates the closure).</summary>
    private static List<KlarnaCaptureLine> Merged(IReadOnlyList<InvoicePlanLine> lines, System.Globalization.CultureInfo language) =>
        KlarnaLineMerger.Merge(
            packer =>
            {
                foreach (var line in lines)
                {
                    if (IsSent(line))
                    {
                        KlarnaLineBuilder.Sum(line, packer);
                    }
                }
            },
            language);

    private static bool IsSent(InvoicePlanLine line) => line.Amount.MinorUnits != 0 || line.Quantity > 0;

    public static string DefaultDescription(InvoiceType type, string invoiceNumber, System.Globalization.CultureInfo language) =>
        Resources.KlarnaTexts.Format("Description_" + (type is InvoiceType.Delivery or InvoiceType.Final ? type.ToString() : nameof(InvoiceType.Prepayment)), language, invoiceNumber);
}
