namespace Specter.Klarna.Invoicing;

/// <summary>A line to credit (a return): which line of the credited invoice, and how much of it.</summary>
/// <param name="OrderLineId">The order line id of the credited invoice's line (<see cref="InvoicePlanLine.OrderLineId"/>).</param>
/// <param name="Quantity">The quantity to credit, more than zero and at most what is left of the line on that invoice.
/// A line tracked by amount (shipping, fee, discount, or a partial share with quantity 0) is credited whole:
/// pass its invoiced quantity, or 0 for a share invoiced with quantity 0.</param>
public sealed record CreditLineRequest(string OrderLineId, decimal Quantity);
