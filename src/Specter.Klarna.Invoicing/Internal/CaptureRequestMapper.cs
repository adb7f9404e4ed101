using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Internal;

/// <summary>Maps a planned capture (domain) onto the Klarna client's capture request.</summary>
internal static class CaptureRequestMapper
{
    public static KlarnaCaptureRequest ToRequest(KlarnaCapturePlan capture) => new()
    {
        CapturedAmount = capture.CapturedAmount.MinorUnits,
        Reference = capture.Reference,
        Description = capture.Description,
        OrderLines = capture.Lines.Select(ToOrderLine).ToList(),
    };

    public static KlarnaOrderLine ToOrderLine(KlarnaCaptureLine line) => new()
    {
        Type = line.Type,
        Reference = line.Reference,
        Name = line.Name,
        Quantity = line.Quantity,
        QuantityUnit = line.QuantityUnit,
        UnitPrice = line.UnitPrice,
        TaxRate = line.TaxRate,
        TotalAmount = line.TotalAmount,
        TotalDiscountAmount = line.TotalDiscountAmount,
        TotalTaxAmount = line.TotalTaxAmount,
    };
}
