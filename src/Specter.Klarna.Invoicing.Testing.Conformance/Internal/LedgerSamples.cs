using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Invoices for the ledger conformance kit: a minimal one and one with every property set to an awkward value.</summary>
internal static class LedgerSamples
{
    /// <summary>Microsecond precision (the guaranteed minimum) and a non-UTC offset: the instant must survive, the offset may not.</summary>
    internal static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 27, 12, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4560);

    internal const string NonAsciiText = "Kampanjrabatt åäö ÅÄÖ 日本";

    internal static LedgerInvoice Minimal(string number, string orderNumber, string? klarnaOrderId, ActivationState state, int minute = 0) => new()
    {
        InvoiceNumber = number,
        OrderNumber = orderNumber,
        KlarnaOrderId = klarnaOrderId,
        State = state,
        CreatedAt = T0.AddMinutes(minute),
        UpdatedAt = T0.AddMinutes(minute),
        Plan = new InvoicePlan
        {
            InvoiceNumber = number,
            OrderNumber = orderNumber,
            Type = InvoiceType.Final,
            Lines = [],
            Total = new Money(100, Currency.SEK),
            VatTotal = new Money(20, Currency.SEK),
        },
    };

    internal static LedgerInvoice Rich(string number, string orderNumber, string klarnaOrderId, ActivationState state)
    {
        const string body = "{\"captured_amount\":99999999,\"description\":\"Kampanjrabatt åäö ÅÄÖ 日本\",\"note\":\"\\u00e5 stays escaped\",\r\n  \"trailing\": \"  \"}  ";
        return new LedgerInvoice
        {
            InvoiceNumber = number,
            OrderNumber = orderNumber,
            Merchant = "SE-Butik-Å",
            KlarnaOrderId = klarnaOrderId,
            State = state,
            Attempt = int.MaxValue,
            IdempotencyKey = "0b0d9a4e-3f5c-5a7e-9c1d-6f2e8a4b7c90",
            RequestBody = body,
            RequestBodyHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            CreatedAt = T0,
            FirstSentAt = T0.AddSeconds(1),
            LastSentAt = T0.AddSeconds(1.5),
            PlannedFrom = "F-1#1,F-2#3,Å-日本#2",
            UpdatedAt = T0.AddSeconds(2),
            CaptureId = "4ba29b50-be7b-44f5-a492-113e6a865e22",
            KlarnaReference = "K-REF-ÅÄÖ",
            ActivatedAt = T0.AddSeconds(3),
            LastFailure = new ActivationFailure(503, "SERVICE_UNAVAILABLE", [NonAsciiText, "second message"], "corr-åäö"),
            RecoveryAttempts = int.MaxValue,
            Plan = RichPlan(number, orderNumber),
        };
    }

    internal static InvoicePlan RichPlan(string number, string orderNumber) => new()
    {
        InvoiceNumber = number,
        OrderNumber = orderNumber,
        Type = InvoiceType.Prepayment,
        PrepaymentPercent = 33.3333m,
        Lines =
        [
            new InvoicePlanLine
            {
                Kind = InvoicePlanLineKind.OrderLine,
                OrderLineId = "L1",
                OrderLineKind = OrderLineKind.Goods,
                ArticleNumber = "ART-Ø",
                Description = NonAsciiText + " \"quoted\" \\ <tag> & 🧾",
                Quantity = 1.250m,
                Unit = "kg",
                VatRate = 12.5m,
                Amount = new Money(long.MaxValue, Currency.SEK),
                VatAmount = new Money(long.MinValue, Currency.SEK),
                DiscountAmount = new Money(0, Currency.SEK),
            },
            new InvoicePlanLine
            {
                Kind = InvoicePlanLineKind.PrepaymentNetting,
                OrderLineKind = OrderLineKind.Shipping,
                Description = "Avräkning förskott",
                Quantity = 0.000001m,
                Amount = new Money(-1, Currency.SEK),
                VatAmount = new Money(0, Currency.SEK),
            },
        ],
        Total = new Money(long.MaxValue - 1, Currency.SEK),
        VatTotal = new Money(long.MinValue + 1, Currency.SEK),
        Capture = new KlarnaCapturePlan
        {
            CapturedAmount = new Money(99_999_999, Currency.SEK),
            Reference = number,
            Description = NonAsciiText,
            Lines =
            [
                new KlarnaCaptureLine
                {
                    Type = "physical",
                    Reference = "ART-Ø",
                    Name = NonAsciiText,
                    Quantity = long.MaxValue,
                    QuantityUnit = "st",
                    UnitPrice = long.MinValue,
                    TaxRate = 2500,
                    TotalAmount = 99_999_999,
                    TotalDiscountAmount = 1,
                    TotalTaxAmount = 19_999_999,
                },
            ],
        },
    };
}
