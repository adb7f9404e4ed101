namespace Specter.Klarna.Invoicing;

/// <summary>What is wrong with an <see cref="InvoicingOrder"/>; the ERP can branch on it.</summary>
public enum OrderValidationErrorCode
{
    /// <summary>The order JSON is not valid JSON, has a field of the wrong type, or an unknown field or line kind.</summary>
    MalformedJson = 0,

    /// <summary>A required field (order number, line id, description) is missing or blank.</summary>
    MissingField = 1,

    /// <summary>A text field is longer than allowed (255 characters; 10 for the unit).</summary>
    FieldTooLong = 2,

    /// <summary>The currency is not a supported ISO 4217 code.</summary>
    UnknownCurrency = 3,

    /// <summary>A price, or quantity × price, has more decimals than the currency allows.</summary>
    TooManyDecimals = 4,

    /// <summary>A quantity or delivered quantity is negative.</summary>
    NegativeQuantity = 5,

    /// <summary>The delivered quantity is greater than the ordered quantity.</summary>
    DeliveredExceedsOrdered = 6,

    /// <summary>The VAT rate is outside 0–100 percent or has more than two decimals.</summary>
    VatRateOutOfRange = 7,

    /// <summary>The line discount percent is outside 0–100.</summary>
    DiscountPercentOutOfRange = 8,

    /// <summary>A goods, service, shipping or fee line has a negative price.</summary>
    NegativePrice = 9,

    /// <summary>A discount or gift card line has a positive price.</summary>
    PositiveDiscount = 10,

    /// <summary>A gift card line has a VAT rate other than 0.</summary>
    GiftCardWithVat = 11,

    /// <summary>Two lines share a line id.</summary>
    DuplicateLineId = 12,

    /// <summary>The order has no lines.</summary>
    EmptyOrder = 13,

    /// <summary>A unit price or line total is beyond Klarna's limit of 100 000 000 minor units.</summary>
    AmountOutOfRange = 14,

    /// <summary>The order would need more than Klarna's 1000 lines even after merging lines per VAT rate.</summary>
    TooManyLines = 15,

    /// <summary>The order's discounts and gift cards are larger than its goods value (the order total would be negative).</summary>
    DiscountsExceedGoods = 16,

    /// <summary>The order has a Klarna reservation but names a merchant profile that is not configured (or none, and no default applies).</summary>
    UnknownMerchant = 17,

    /// <summary>The Klarna order id is malformed: empty, or with characters other than letters, digits, '-' and '_' (no '/', '.', spaces or control characters).</summary>
    InvalidKlarnaOrderId = 18,

    /// <summary>The order JSON is larger than <see cref="InvoicingOrderJson.MaxLength"/>; it is refused before parsing.</summary>
    DocumentTooLarge = 19,
}
