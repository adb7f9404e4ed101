namespace Specter.Klarna.Invoicing.Capture.Internal;

/// <summary>
/// Klarna's limits for what the library sends, in one place: the capture planner keeps every line and capture within
/// them (so a limit that cannot be met is a typed rule error when the invoice is proposed), and the request body writer
/// checks them again before anything leaves the process.
/// </summary>
/// <remarks>
/// Values from Klarna's current Order Management spec (OpenAPI 3, 2024; the same in the 2026 generated SDK docs): amounts
/// (<c>captured_amount</c>, line <c>unit_price</c>, <c>total_amount</c>, <c>total_discount_amount</c>,
/// <c>total_tax_amount</c>) at most 200 000 000 minor units, at most 1000 order lines, texts at most 255 characters,
/// <c>quantity_unit</c> at most 10. The 2020 spec was stricter on amounts (100 000 000) and capped <c>quantity</c> at
/// 100 000; the current spec states no quantity maximum, and the library keeps the 100 000 cap because a line beyond it is
/// sent exactly in the quantity-1 form (the real quantity in the name), which costs nothing.
/// </remarks>
internal static class KlarnaLimits
{
    /// <summary>The largest amount (capture, unit price, line total, discount, tax) in minor units.</summary>
    public const long MaxAmount = 200_000_000;

    /// <summary>The largest line quantity the library sends (see remarks).</summary>
    public const long MaxQuantity = 100_000;

    /// <summary>The most order lines in one capture, refund or authorization update.</summary>
    public const int MaxLines = 1000;

    /// <summary>The longest text: line name and reference, capture reference and description.</summary>
    public const int MaxText = 255;

    /// <summary>The longest <c>quantity_unit</c>.</summary>
    public const int MaxQuantityUnit = 10;

    /// <summary>The most shipping-info entries in one request.</summary>
    public const int MaxShippingInfo = 500;
}
