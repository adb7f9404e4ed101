using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Orders;

public sealed class InvoicingOrderJsonTests
{
    private const string IssueJson = """
        {
          "orderNumber": "100234",
          "merchant": "SE",
          "currency": "SEK",
          "pricesIncludeVat": true,
          "klarnaOrderId": "0b1d9815-165e-42e2-8867-35bc03789e00",
          "lines": [
            { "lineId": "1", "articleNumber": "TS-001", "description": "T-shirt", "kind": "goods",
              "quantity": 3, "deliveredQuantity": 2, "unit": "st", "unitPrice": 199.00, "vatRate": 25, "discountPercent": 10 },
            { "lineId": "2", "articleNumber": "FRAKT", "description": "Frakt", "kind": "shipping",
              "quantity": 1, "deliveredQuantity": 1, "unitPrice": 49.00, "vatRate": 25 },
            { "lineId": "3", "articleNumber": "RABATT", "description": "Kampanjrabatt", "kind": "discount",
              "quantity": 1, "deliveredQuantity": 0, "unitPrice": -50.00, "vatRate": 25 }
          ]
        }
        """;

    [Fact]
    public void Parse_IssueExample_GivesTheOrder()
    {
        var order = InvoicingOrderJson.Parse(IssueJson);

        order.Should().BeEquivalentTo(IssueExample() with { Merchant = "SE" });
    }

    [Fact]
    public void SerializeThenParse_RoundTrips()
    {
        var order = InvoicingOrderJson.Parse(IssueJson);

        var again = InvoicingOrderJson.Parse(InvoicingOrderJson.Serialize(order));

        again.Should().BeEquivalentTo(order);
        InvoicingOrderJson.Serialize(again).Should().Contain("\"kind\": \"discount\"").And.Contain("\"pricesIncludeVat\": true");
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("""{"orderNumber":"1","currency":"SEK","lines":[{"lineId":"1","description":"x","kind":"goods","quantity":"3","unitPrice":1}]}""", "$.lines[0].quantity")]
    [InlineData("""{"orderNumber":"1","currency":"SEK","pricesIncludeVat":true,"lines":[{"lineId":"1","description":"x","kind":"gadget","quantity":3,"unitPrice":1,"vatRate":25}]}""", "$.lines[0].kind")]
    [InlineData("""{"orderNumber":"1","currency":"SEK","colour":"red","lines":[]}""", "$")]
    public void Parse_MalformedJson_ThrowsValidationExceptionNamingPath(string json, string path)
    {
        var ex = FluentActions.Invoking(() => InvoicingOrderJson.Parse(json)).Should().Throw<InvoicingOrderValidationException>().Which;

        ex.Errors.Should().ContainSingle().Which.Should().Match<OrderValidationError>(e => e.Code == OrderValidationErrorCode.MalformedJson && e.Field.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingRequiredField_IsMissingField()
    {
        var ex = FluentActions.Invoking(() => InvoicingOrderJson.Parse("""{"currency":"SEK","pricesIncludeVat":true,"lines":[{"lineId":"1","description":"x","quantity":1,"vatRate":25}]}"""))
            .Should().Throw<InvoicingOrderValidationException>().Which;

        ex.Errors.Select(e => (e.Code, e.Field)).Should().BeEquivalentTo([(OrderValidationErrorCode.MissingField, "$.lines[0].unitPrice"), (OrderValidationErrorCode.MissingField, "$.orderNumber")]);
    }

    [Fact]
    public void Parse_ValidJsonInvalidOrder_ThrowsBusinessRuleError() =>
        FluentActions.Invoking(() => InvoicingOrderJson.Parse(IssueJson.Replace("\"deliveredQuantity\": 2", "\"deliveredQuantity\": 5", StringComparison.Ordinal)))
            .Should().Throw<InvoicingOrderValidationException>().Which.Errors.Single().Code.Should().Be(OrderValidationErrorCode.DeliveredExceedsOrdered);
}
