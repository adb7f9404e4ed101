using System.Text.Json;
using Specter.Klarna.Invoicing.Orders.Internal;

namespace Specter.Klarna.Invoicing;

/// <summary>Reads and writes an <see cref="InvoicingOrder"/> as JSON (camelCase; <c>kind</c> is <c>goods</c>, <c>service</c>, <c>shipping</c>, <c>fee</c>, <c>discount</c> or <c>giftCard</c>).</summary>
/// <remarks>Source-generated serialization: safe for trimming and native AOT.</remarks>
public static class InvoicingOrderJson
{
    /// <summary>The largest order JSON accepted, in characters (4 MiB; a 1000-line order is well under 1 MiB). Readers should refuse a larger file by its size before reading it.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>Parses and validates an order.</summary>
    /// <param name="json">The order JSON.</param>
    /// <returns>The order, valid by every rule of the library.</returns>
    /// <exception cref="InvoicingOrderValidationException">
    /// The JSON is longer than <see cref="MaxLength"/> (code <see cref="OrderValidationErrorCode.DocumentTooLarge"/>, checked before parsing);
    /// is malformed, has a field of the wrong type or twice, an unknown field or line kind, an amount as a string, in exponent notation or with
    /// more than 28 significant digits (code <see cref="OrderValidationErrorCode.MalformedJson"/>, naming the JSON path); misses a required
    /// field; or the order breaks a validation rule.
    /// </exception>
    public static InvoicingOrder Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new InvoicingOrderValidationException(
                [new(OrderValidationErrorCode.DocumentTooLarge, "$", null, $"The order JSON is {json.Length} characters; at most {MaxLength} are allowed. Nothing was parsed.")]);
        }

        OrderJsonDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, OrderJsonContext.Default.OrderJsonDto);
        }
        catch (JsonException ex)
        {
            string path = ex.Path ?? "$";
            throw new InvoicingOrderValidationException(
                [new(OrderValidationErrorCode.MalformedJson, path, null, $"The order JSON is malformed at {path} (line {ex.LineNumber + 1}): {ex.Message}")], ex);
        }

        if (dto is null)
        {
            throw new InvoicingOrderValidationException([new(OrderValidationErrorCode.MalformedJson, "$", null, "The order JSON is null; an order object is required.")]);
        }

        var errors = new List<OrderValidationError>();
        var order = OrderJsonMapper.ToOrder(dto, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(OrderValidator.Validate(order));
        }

        return errors.Count == 0 ? order : throw new InvoicingOrderValidationException(errors);
    }

    /// <summary>Writes an order as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    /// <param name="order">The order.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(InvoicingOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return JsonSerializer.Serialize(OrderJsonMapper.FromOrder(order), OrderJsonContext.Default.OrderJsonDto);
    }
}
