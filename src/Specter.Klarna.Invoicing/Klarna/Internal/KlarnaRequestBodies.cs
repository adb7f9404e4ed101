using System.Text.Json;
using Specter.Klarna.Invoicing.Capture.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal.Models;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// The exact UTF-8 JSON bytes the client sends for each request model. Deterministic: the same request gives the same
/// bytes (property order is the DTO declaration order; nulls are omitted), so the caller can hash and persist them before
/// the first send and the retry pipeline re-sends them unchanged.
/// </summary>
/// <remarks>
/// Order lines always carry <c>type</c>, <c>tax_rate</c>, <c>total_tax_amount</c> and <c>total_discount_amount</c>
/// (Klarna's 2020 spec requires the first three). Empty lists are omitted. The limits of both Klarna specs are checked
/// first (<see cref="KlarnaLimits"/>: the current spec's amounts ≤ 200 000 000, the 2020 spec's quantity ≤ 100 000); a
/// violation throws <see cref="ArgumentException"/> before anything is sent.
/// </remarks>
internal static class KlarnaRequestBodies
{
    /// <summary>The maximum for amounts in minor units (<see cref="KlarnaLimits.MaxAmount"/>).</summary>
    public const long MaxAmount = KlarnaLimits.MaxAmount;

    /// <summary>The maximum order line quantity (<see cref="KlarnaLimits.MaxQuantity"/>).</summary>
    public const long MaxQuantity = KlarnaLimits.MaxQuantity;

    /// <summary>The maximum number of order lines per request.</summary>
    public const int MaxOrderLines = KlarnaLimits.MaxLines;

    /// <summary>The maximum number of shipping info entries per request.</summary>
    public const int MaxShippingInfo = KlarnaLimits.MaxShippingInfo;

    private static readonly HashSet<string> LineTypes = new(StringComparer.Ordinal)
    {
        "physical", "discount", "shipping_fee", "sales_tax", "store_credit", "gift_card", "digital", "surcharge", "return_fee",
    };

    private static readonly HashSet<string> ShippingMethods = new(StringComparer.Ordinal)
    {
        "PickUpStore", "Home", "BoxReg", "BoxUnreg", "PickUpPoint", "Own", "Postal", "DHLPackstation", "Digital",
        "Undefined", "PickUpWarehouse", "ClickCollect", "PalletDelivery",
    };

    /// <summary>The body of create capture.</summary>
    public static byte[] Capture(KlarnaCaptureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAmount(request.CapturedAmount, 0, "captured_amount");
        CheckText(request.Reference, KlarnaLimits.MaxText, "reference");
        CheckText(request.Description, KlarnaLimits.MaxText, "description");
        var dto = new CaptureRequestDto
        {
            CapturedAmount = request.CapturedAmount,
            Reference = request.Reference,
            Description = request.Description,
            OrderLines = Lines(request.OrderLines),
            ShippingInfo = Shipping(request.ShippingInfo, minimum: 0),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, KlarnaJsonContext.Default.CaptureRequestDto);
    }

    /// <summary>The body of create refund.</summary>
    public static byte[] Refund(KlarnaRefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAmount(request.RefundedAmount, 0, "refunded_amount");
        CheckText(request.Reference, KlarnaLimits.MaxText, "reference");
        CheckText(request.Description, KlarnaLimits.MaxText, "description");
        var dto = new RefundRequestDto
        {
            RefundedAmount = request.RefundedAmount,
            Reference = request.Reference,
            Description = request.Description,
            OrderLines = Lines(request.OrderLines),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, KlarnaJsonContext.Default.RefundRequestDto);
    }

    /// <summary>The body of update authorization (new order amount and lines).</summary>
    /// <remarks>Klarna deletes the original order lines when none are sent.</remarks>
    public static byte[] UpdateAuthorization(KlarnaUpdateAuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAmount(request.OrderAmount, 0, "order_amount");
        CheckText(request.Description, KlarnaLimits.MaxText, "description");
        var dto = new UpdateAuthorizationRequestDto
        {
            OrderAmount = request.OrderAmount,
            Description = request.Description,
            OrderLines = Lines(request.OrderLines),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, KlarnaJsonContext.Default.UpdateAuthorizationRequestDto);
    }

    /// <summary>The body of update merchant references; a <see langword="null"/> reference is left unchanged by Klarna.</summary>
    public static byte[] MerchantReferences(string? merchantReference1, string? merchantReference2)
    {
        CheckText(merchantReference1, KlarnaLimits.MaxText, "merchant_reference1");
        CheckText(merchantReference2, KlarnaLimits.MaxText, "merchant_reference2");
        var dto = new UpdateMerchantReferencesRequestDto { MerchantReference1 = merchantReference1, MerchantReference2 = merchantReference2 };
        return JsonSerializer.SerializeToUtf8Bytes(dto, KlarnaJsonContext.Default.UpdateMerchantReferencesRequestDto);
    }

    /// <summary>The body of add shipping info to a capture (1 to 500 entries).</summary>
    public static byte[] ShippingInfo(IReadOnlyList<KlarnaShippingInfo> shippingInfo)
    {
        ArgumentNullException.ThrowIfNull(shippingInfo);
        var dto = new UpdateShippingInfoRequestDto { ShippingInfo = Shipping(shippingInfo, minimum: 1) };
        return JsonSerializer.SerializeToUtf8Bytes(dto, KlarnaJsonContext.Default.UpdateShippingInfoRequestDto);
    }

    private static List<OrderLineDto>? Lines(IReadOnlyList<KlarnaOrderLine>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return null;
        }

        if (lines.Count > MaxOrderLines)
        {
            throw new ArgumentException($"At most {MaxOrderLines} order lines are allowed; got {lines.Count}.", nameof(lines));
        }

        var result = new List<OrderLineDto>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? throw new ArgumentException($"order_lines[{i}] is null.", nameof(lines));
            if (!LineTypes.Contains(line.Type))
            {
                throw new ArgumentException($"order_lines[{i}].type '{line.Type}' is not a Klarna order line type.", nameof(lines));
            }

            // The field names ("order_lines[3].name") are only built when a check fails, not once per line and field.
            CheckText(line.Reference, KlarnaLimits.MaxText, "order_lines", i, "reference");
            ArgumentNullException.ThrowIfNull(line.Name);
            CheckText(line.Name, KlarnaLimits.MaxText, "order_lines", i, "name");
            CheckText(line.QuantityUnit, 10, "order_lines", i, "quantity_unit");
            if (line.Quantity is < 0 or > MaxQuantity)
            {
                throw new ArgumentException($"order_lines[{i}].quantity must be between 0 and {MaxQuantity}.", nameof(lines));
            }

            if (line.TaxRate < 0)
            {
                throw new ArgumentException($"order_lines[{i}].tax_rate must not be negative.", nameof(lines));
            }

            CheckAmount(line.UnitPrice, long.MinValue, "order_lines", i, "unit_price");
            CheckAmount(line.TotalAmount, long.MinValue, "order_lines", i, "total_amount");
            CheckAmount(line.TotalDiscountAmount, 0, "order_lines", i, "total_discount_amount");
            CheckAmount(line.TotalTaxAmount, long.MinValue, "order_lines", i, "total_tax_amount");
            result.Add(new OrderLineDto
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
            });
        }

        return result;
    }

    private static List<ShippingInfoDto>? Shipping(IReadOnlyList<KlarnaShippingInfo>? items, int minimum)
    {
        var count = items?.Count ?? 0;
        if (count < minimum || count > MaxShippingInfo)
        {
            throw new ArgumentException($"Between {minimum} and {MaxShippingInfo} shipping_info entries are allowed; got {count}.", nameof(items));
        }

        if (items is null || count == 0)
        {
            return null;
        }

        var result = new List<ShippingInfoDto>(count);
        for (var i = 0; i < count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"shipping_info[{i}] is null.", nameof(items));
            CheckText(item.ShippingCompany, 100, "shipping_info", i, "shipping_company");
            CheckText(item.TrackingNumber, 100, "shipping_info", i, "tracking_number");
            CheckText(item.TrackingUri, 1024, "shipping_info", i, "tracking_uri");
            CheckText(item.ReturnShippingCompany, 100, "shipping_info", i, "return_shipping_company");
            CheckText(item.ReturnTrackingNumber, 100, "shipping_info", i, "return_tracking_number");
            CheckText(item.ReturnTrackingUri, 1024, "shipping_info", i, "return_tracking_uri");
            if (item.ShippingMethod is not null && !ShippingMethods.Contains(item.ShippingMethod))
            {
                throw new ArgumentException($"shipping_info[{i}].shipping_method '{item.ShippingMethod}' is not a Klarna shipping method.", nameof(items));
            }

            result.Add(new ShippingInfoDto
            {
                ShippingCompany = item.ShippingCompany,
                ShippingMethod = item.ShippingMethod,
                TrackingNumber = item.TrackingNumber,
                TrackingUri = item.TrackingUri,
                ReturnShippingCompany = item.ReturnShippingCompany,
                ReturnTrackingNumber = item.ReturnTrackingNumber,
                ReturnTrackingUri = item.ReturnTrackingUri,
            });
        }

        return result;
    }

    private static void CheckAmount(long value, long minimum, string field)
    {
        if (value < minimum || value > MaxAmount)
        {
            throw new ArgumentException($"{field} must be at most {MaxAmount} minor units{(minimum == 0 ? " and not negative" : string.Empty)}; got {value}.", field);
        }
    }

    private static void CheckAmount(long value, long minimum, string list, int index, string field)
    {
        if (value < minimum || value > MaxAmount)
        {
            CheckAmount(value, minimum, $"{list}[{index}].{field}");
        }
    }

    private static void CheckText(string? value, int maxLength, string list, int index, string field)
    {
        if (value is not null && value.Length > maxLength)
        {
            CheckText(value, maxLength, $"{list}[{index}].{field}");
        }
    }

    private static void CheckText(string? value, int maxLength, string field)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException($"{field} must be at most {maxLength} characters; got {value.Length}.", field);
        }
    }
}
