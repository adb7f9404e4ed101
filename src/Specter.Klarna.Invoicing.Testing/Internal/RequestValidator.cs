using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// Validates request bodies by Klarna's published rules (OM spec field limits, order-line formulas, ±1 tax tolerance).
/// It reads raw JSON on purpose: a client serializer naming bug must fail here, not be mirrored.
/// </summary>
internal sealed class RequestValidator(bool rejectUnknownFields)
{
    public const long MaxAmount = 200_000_000;

    private static readonly HashSet<string> LineTypes =
        ["physical", "discount", "shipping_fee", "sales_tax", "store_credit", "gift_card", "digital", "surcharge", "return_fee"];

    private static readonly HashSet<string> LineFields =
        ["type", "reference", "name", "quantity", "quantity_unit", "unit_price", "tax_rate", "total_amount", "total_discount_amount",
         "total_tax_amount", "merchant_data", "product_url", "image_url", "product_identifiers", "subscription"];

    private static readonly HashSet<string> ShippingInfoFields =
        ["shipping_company", "shipping_method", "tracking_number", "tracking_uri", "return_shipping_company", "return_tracking_number", "return_tracking_uri"];

    private readonly List<string> _bad = [];
    private readonly List<string> _unprocessable = [];

    public IReadOnlyList<string> BadValues => _bad;

    public IReadOnlyList<string> Unprocessable => _unprocessable;

    public bool IsValid => _bad.Count == 0 && _unprocessable.Count == 0;

    public void Add(string message) => _bad.Add(message);

    public void Fields(JsonElement obj, string path, IReadOnlySet<string> allowed)
    {
        if (!rejectUnknownFields)
        {
            return;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                _bad.Add($"Bad value: {path}{property.Name} (unknown field)");
            }
        }
    }

    public long? Amount(JsonElement obj, string path, string name, bool required, long min, long max = MaxAmount)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _bad.Add($"Bad value: {path}{name} (required)");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            _bad.Add($"Bad value: {path}{name} (must be an integer)");
            return null;
        }

        if (number < min || number > max)
        {
            _bad.Add($"Bad value: {path}{name} (must be between {min} and {max})");
            return null;
        }

        return number;
    }

    public string? Text(JsonElement obj, string path, string name, int maxLength, bool required = false, bool unprocessable = false)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _bad.Add($"Bad value: {path}{name} (required)");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _bad.Add($"Bad value: {path}{name} (must be a string)");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            if (unprocessable)
            {
                _unprocessable.Add($"The size of the {path.Replace("[", string.Empty, StringComparison.Ordinal).Split(']')[0]}/{name} value must be between 0 and {maxLength}");
            }
            else
            {
                _bad.Add($"Bad value: {path}{name} (length must be between 0 and {maxLength})");
            }
        }

        return text;
    }

    public JsonElement? Array(JsonElement obj, string name, int maxItems, int minItems = 0, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                _bad.Add($"Bad value: {name} (required)");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _bad.Add($"Bad value: {name} (must be an array)");
            return null;
        }

        var count = value.GetArrayLength();
        if (count > maxItems || count < minItems)
        {
            _bad.Add($"Bad value: {name} (must have between {minItems} and {maxItems} items)");
            return null;
        }

        return value;
    }

    /// <summary>Validates order lines and returns the sum of their total_amount, or <see langword="null"/> when invalid.</summary>
    public long? OrderLines(JsonElement lines)
    {
        long sum = 0;
        var valid = true;
        var index = 0;
        foreach (var line in lines.EnumerateArray())
        {
            var path = $"order_lines[{index++}].";
            var before = _bad.Count;
            if (line.ValueKind != JsonValueKind.Object)
            {
                _bad.Add($"Bad value: {path[..^1]} (must be an object)");
                valid = false;
                continue;
            }

            Fields(line, path, LineFields);
            var type = Text(line, path, "type", 64);
            if (type is not null && !LineTypes.Contains(type))
            {
                _bad.Add($"Bad value: {path}type (unknown order line type '{type}')");
            }

            Text(line, path, "name", 255, required: true);
            Text(line, path, "reference", 255);
            Text(line, path, "quantity_unit", 10);
            Text(line, path, "merchant_data", 1024);
            Text(line, path, "product_url", 1024);
            Text(line, path, "image_url", 1024);
            var quantity = Amount(line, path, "quantity", required: true, min: 0, max: long.MaxValue);
            var unitPrice = Amount(line, path, "unit_price", required: true, min: -MaxAmount);
            var total = Amount(line, path, "total_amount", required: true, min: -MaxAmount);
            var discount = Amount(line, path, "total_discount_amount", required: false, min: 0) ?? 0;
            var taxRate = Amount(line, path, "tax_rate", required: false, min: 0, max: 10000);
            var tax = Amount(line, path, "total_tax_amount", required: false, min: -MaxAmount);

            if (quantity is { } q && unitPrice is { } u && total is { } t && (Int128)q * u - discount != t)
            {
                _bad.Add($"Bad value: {path}total_amount (must equal quantity * unit_price - total_discount_amount = {(Int128)q * u - discount})");
            }

            if (total is { } amount && taxRate is { } rate && tax is { } taxAmount)
            {
                // Klarna: within ±1 of total_amount - total_amount * 10000 / (10000 + tax_rate).
                var expected = amount - (decimal)amount * 10000m / (10000m + rate);
                if (Math.Abs(taxAmount - expected) > 1m)
                {
                    _bad.Add($"Bad value: {path}total_tax_amount (must be within ±1 of {Math.Round(expected, 2, MidpointRounding.AwayFromZero)})");
                }
            }

            if (_bad.Count != before || total is null)
            {
                valid = false;
            }
            else
            {
                sum += total.Value;
            }
        }

        return valid ? sum : null;
    }

    public void ShippingInfo(JsonElement items)
    {
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"shipping_info[{index++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _bad.Add($"Bad value: {path[..^1]} (must be an object)");
                continue;
            }

            Fields(item, path, ShippingInfoFields);
            Text(item, path, "shipping_company", 100, unprocessable: true);
            Text(item, path, "tracking_number", 100, unprocessable: true);
            Text(item, path, "return_shipping_company", 100, unprocessable: true);
            Text(item, path, "return_tracking_number", 100, unprocessable: true);
            Text(item, path, "tracking_uri", 1024, unprocessable: true);
            Text(item, path, "return_tracking_uri", 1024, unprocessable: true);
            Text(item, path, "shipping_method", 64);
        }
    }

    public SimHttpResponse ToResponse() =>
        _bad.Count > 0 ? ErrorResponses.BadValue(_bad) : ErrorResponses.Create(422, "UNPROCESSABLE_ENTITY", _unprocessable);
}
