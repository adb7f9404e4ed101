using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Tests.Orders;

/// <summary>What the order JSON requires, the C# model requires too: the compiler refuses an order without a VAT rate.</summary>
public sealed class RequiredMembersTests
{
    private const string FullJson = """
        {
          "orderNumber": "1", "merchant": "SE", "currency": "SEK", "pricesIncludeVat": false, "klarnaOrderId": "k",
          "lines": [ { "lineId": "1", "articleNumber": "A", "description": "Stol", "kind": "goods", "quantity": 2,
                       "deliveredQuantity": 1, "unit": "st", "unitPrice": 100.00, "vatRate": 25, "discountPercent": 5 } ]
        }
        """;

    public static TheoryData<string> OrderFields => new(JsonNode.Parse(FullJson)!.AsObject().Select(p => p.Key));

    public static TheoryData<string> LineFields => new(JsonNode.Parse(FullJson)!["lines"]![0]!.AsObject().Select(p => p.Key));

    [Theory]
    [MemberData(nameof(OrderFields))]
    public void OrderField_IsRequiredInCSharp_ExactlyWhenTheJsonRequiresIt(string field)
    {
        var json = JsonNode.Parse(FullJson)!.AsObject();
        json.Remove(field);

        IsRequiredMember(typeof(InvoicingOrder), field).Should().Be(JsonRequires(json.ToJsonString(), "$." + field), $"'{field}' is required in JSON exactly when it is in C#");
    }

    [Theory]
    [MemberData(nameof(LineFields))]
    public void LineField_IsRequiredInCSharp_ExactlyWhenTheJsonRequiresIt(string field)
    {
        var json = JsonNode.Parse(FullJson)!.AsObject();
        json["lines"]![0]!.AsObject().Remove(field);

        IsRequiredMember(typeof(InvoicingOrderLine), field).Should().Be(JsonRequires(json.ToJsonString(), "$.lines[0]." + field), $"'{field}' is required in JSON exactly when it is in C#");
    }

    [Fact]
    public void TheVatFields_AreRequired()
    {
        IsRequiredMember(typeof(InvoicingOrder), "pricesIncludeVat").Should().BeTrue();
        IsRequiredMember(typeof(InvoicingOrderLine), "vatRate").Should().BeTrue();
    }

    private static bool JsonRequires(string json, string path)
    {
        try
        {
            InvoicingOrderJson.Parse(json);
            return false;
        }
        catch (InvoicingOrderValidationException ex)
        {
            return ex.Errors.Any(e => e.Code == OrderValidationErrorCode.MissingField && e.Field == path);
        }
    }

    private static bool IsRequiredMember(Type type, string camelCaseName)
    {
        var property = type.GetProperty(char.ToUpperInvariant(camelCaseName[0]) + camelCaseName[1..], BindingFlags.Public | BindingFlags.Instance);
        property.Should().NotBeNull($"{type.Name} has a property for the JSON field '{camelCaseName}'");
        return property!.IsDefined(typeof(RequiredMemberAttribute), inherit: false);
    }
}
