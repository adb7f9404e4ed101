namespace Specter.Klarna.Invoicing.Tests.Capture;

/// <summary>Klarna's order-line rules, written independently of the implementation, as test assertions.</summary>
internal static class KlarnaFormulas
{
    public static void AssertValid(KlarnaCapturePlan capture, Money invoiceTotal)
    {
        capture.CapturedAmount.Should().Be(invoiceTotal);
        capture.Lines.Sum(l => l.TotalAmount).Should().Be(capture.CapturedAmount.MinorUnits);
        capture.Lines.Count.Should().BeInRange(1, 1000);
        capture.Description.Length.Should().BeLessThanOrEqualTo(255);
        foreach (var line in capture.Lines)
        {
            line.Quantity.Should().BeGreaterThanOrEqualTo(1);
            line.TotalAmount.Should().Be((line.Quantity * line.UnitPrice) - line.TotalDiscountAmount, line.Name);
            line.TotalDiscountAmount.Should().BeGreaterThanOrEqualTo(0);
            // Klarna's current spec: amounts at most 200 000 000 minor units; the library sends at most quantity 100 000.
            Math.Abs(line.TotalAmount).Should().BeLessThanOrEqualTo(200_000_000);
            Math.Abs(line.UnitPrice).Should().BeLessThanOrEqualTo(200_000_000);
            line.TotalDiscountAmount.Should().BeLessThanOrEqualTo(200_000_000);
            line.Quantity.Should().BeLessThanOrEqualTo(100_000);
            line.Name.Length.Should().BeLessThanOrEqualTo(255);
            (line.Reference?.Length ?? 0).Should().BeLessThanOrEqualTo(255);
            decimal exactTax = line.TotalAmount - (line.TotalAmount * 10000m / (10000m + line.TaxRate));
            Math.Abs(line.TotalTaxAmount - exactTax).Should().BeLessThanOrEqualTo(1m, line.Name);
        }
    }
}
