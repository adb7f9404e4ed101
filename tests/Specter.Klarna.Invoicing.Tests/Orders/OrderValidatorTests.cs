using Specter.Klarna.Invoicing.Orders.Internal;
using static Specter.Klarna.Invoicing.Tests.TestDoubles.TestOrders;

namespace Specter.Klarna.Invoicing.Tests.Orders;

public sealed class OrderValidatorTests
{
    public static TheoryData<string, OrderValidationErrorCode, string> Cases() => new()
    {
        { "unknown currency", OrderValidationErrorCode.UnknownCurrency, "currency" },
        { "price decimals", OrderValidationErrorCode.TooManyDecimals, "unitPrice" },
        { "computed decimals", OrderValidationErrorCode.TooManyDecimals, "quantity" },
        { "negative quantity", OrderValidationErrorCode.NegativeQuantity, "quantity" },
        { "negative delivered", OrderValidationErrorCode.NegativeQuantity, "deliveredQuantity" },
        { "delivered > ordered", OrderValidationErrorCode.DeliveredExceedsOrdered, "deliveredQuantity" },
        { "vat 101", OrderValidationErrorCode.VatRateOutOfRange, "vatRate" },
        { "vat 3 decimals", OrderValidationErrorCode.VatRateOutOfRange, "vatRate" },
        { "discount 101", OrderValidationErrorCode.DiscountPercentOutOfRange, "discountPercent" },
        { "negative goods", OrderValidationErrorCode.NegativePrice, "unitPrice" },
        { "positive discount", OrderValidationErrorCode.PositiveDiscount, "unitPrice" },
        { "gift card vat", OrderValidationErrorCode.GiftCardWithVat, "vatRate" },
        { "duplicate id", OrderValidationErrorCode.DuplicateLineId, "lineId" },
        { "empty order", OrderValidationErrorCode.EmptyOrder, "lines" },
        { "missing id", OrderValidationErrorCode.MissingField, "lineId" },
        { "missing description", OrderValidationErrorCode.MissingField, "description" },
        { "missing order number", OrderValidationErrorCode.MissingField, "orderNumber" },
        { "long description", OrderValidationErrorCode.FieldTooLong, "description" },
        { "long unit", OrderValidationErrorCode.FieldTooLong, "unit" },
        { "beyond klarna limit", OrderValidationErrorCode.AmountOutOfRange, "unitPrice" },
        { "discounts exceed goods", OrderValidationErrorCode.DiscountsExceedGoods, "lines" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_BrokenRule_ReportsTypedErrorNamingField(string rule, OrderValidationErrorCode code, string field)
    {
        var order = Break(rule);

        var errors = OrderValidator.Validate(order);

        errors.Should().ContainSingle().Which.Should().Match<OrderValidationError>(e => e.Code == code && e.Field == field);
        if (errors[0].LineId is { } id)
        {
            errors[0].Message.Should().StartWith($"Line {id}:");
        }
    }

    [Fact]
    public void Validate_IssueExample_IsValid() => OrderValidator.Validate(IssueExample()).Should().BeEmpty();

    [Fact]
    public void ThrowIfInvalid_DeliveredExceedsOrdered_MessageNamesLineAndAllowed()
    {
        var ex = FluentActions.Invoking(() => OrderValidator.ThrowIfInvalid(Break("delivered > ordered")))
            .Should().Throw<InvoicingOrderValidationException>().Which;

        ex.Errors.Single().Message.Should().Be("Line 1: delivered quantity 4 exceeds the ordered quantity 3; it may be at most the ordered quantity.");
    }

    private static InvoicingOrder Break(string rule)
    {
        var order = IssueExample();
        InvoicingOrder WithLine(int index, Func<InvoicingOrderLine, InvoicingOrderLine> change) =>
            order with { Lines = [.. order.Lines.Select((l, i) => i == index ? change(l) : l)] };
        return rule switch
        {
            "unknown currency" => order with { Currency = "XXX" },
            "price decimals" => WithLine(0, l => l with { UnitPrice = 199.005m }),
            "computed decimals" => WithLine(0, l => l with { Quantity = 2.333m, DeliveredQuantity = 0, UnitPrice = 10.01m }),
            "negative quantity" => WithLine(0, l => l with { Quantity = -1, DeliveredQuantity = 0 }),
            "negative delivered" => WithLine(0, l => l with { DeliveredQuantity = -1 }),
            "delivered > ordered" => WithLine(0, l => l with { DeliveredQuantity = 4 }),
            "vat 101" => WithLine(0, l => l with { VatRate = 101 }),
            "vat 3 decimals" => WithLine(0, l => l with { VatRate = 25.125m }),
            "discount 101" => WithLine(0, l => l with { DiscountPercent = 101 }),
            "negative goods" => WithLine(0, l => l with { UnitPrice = -1 }),
            "positive discount" => WithLine(2, l => l with { UnitPrice = 50 }),
            "gift card vat" => WithLine(2, l => l with { Kind = OrderLineKind.GiftCard }),
            "duplicate id" => WithLine(1, l => l with { LineId = "1" }),
            "empty order" => order with { Lines = [] },
            "missing id" => WithLine(1, l => l with { LineId = " " }),
            "missing description" => WithLine(1, l => l with { Description = "" }),
            "missing order number" => order with { OrderNumber = "" },
            "long description" => WithLine(1, l => l with { Description = new string('x', 256) }),
            "long unit" => WithLine(0, l => l with { Unit = "förpackningar" }),
            "beyond klarna limit" => WithLine(1, l => l with { UnitPrice = 2_000_000.01m }),
            "discounts exceed goods" => WithLine(2, l => l with { UnitPrice = -600 }),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }
}
