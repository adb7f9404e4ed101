namespace Specter.Klarna.Invoicing;

/// <summary>The Klarna capture that activating an invoice sends: amount, reference (the invoice number), description and lines.</summary>
public sealed record KlarnaCapturePlan
{
    /// <summary>Gets the amount to capture, in minor units; equals the sum of <see cref="Lines"/>' totals.</summary>
    public required Money CapturedAmount { get; init; }

    /// <summary>Gets the capture reference: the ERP invoice number, which lands in Klarna's settlement files for payment matching.</summary>
    public required string Reference { get; init; }

    /// <summary>Gets the description shown to the customer, at most 255 characters.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the Klarna order lines (at most 1000).</summary>
    public required IReadOnlyList<KlarnaCaptureLine> Lines { get; init; }
}
