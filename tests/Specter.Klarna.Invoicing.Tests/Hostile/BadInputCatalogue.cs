using Specter.Klarna.Invoicing.Tests.TestDoubles;
using static Specter.Klarna.Invoicing.Tests.Hostile.BadInputCase;
using Code = Specter.Klarna.Invoicing.OrderValidationErrorCode;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>The catalogue of invalid inputs across the public API and the options (docs/reliability.md summarises it).</summary>
internal static class BadInputCatalogue
{
    private const string Line = "\"lineId\": \"1\", \"description\": \"Stol\", \"quantity\": 4, \"unitPrice\": 1234.50, \"vatRate\": 25";

    public static IReadOnlyList<BadInputCase> All() => [.. OrderModel(), .. JsonDocuments(), .. Request(), .. Locks(), .. KlarnaIds(), .. Options()];

    private static IEnumerable<BadInputCase> OrderModel()
    {
        yield return Order("empty order number", s => s.OpenOrder with { OrderNumber = "" }, Code.MissingField, "orderNumber", "orderNumber", "missing");
        yield return Order("blank order number", s => s.OpenOrder with { OrderNumber = "   " }, Code.MissingField, "orderNumber", "orderNumber", "missing");
        yield return Order("order number of 256 characters", s => s.OpenOrder with { OrderNumber = new string('7', 256) }, Code.FieldTooLong, "orderNumber", "orderNumber", "256");
        yield return Order("unknown currency", s => s.OpenOrder with { Currency = "XXX" }, Code.UnknownCurrency, "currency", "currency", "XXX");
        yield return Order("empty currency", s => s.OpenOrder with { Currency = "" }, Code.UnknownCurrency, "currency", "currency");
        yield return Order("currency name instead of code", s => s.OpenOrder with { Currency = "kronor" }, Code.UnknownCurrency, "currency", "currency", "kronor");
        yield return Order("öre fraction in SEK (3 decimals)", s => s.WithLine(l => l with { UnitPrice = 10.001m }), Code.TooManyDecimals, "unitPrice", "unit price", "decimals");
        yield return Order("decimals in JPY (exponent 0)", s => s.WithLine(l => l with { UnitPrice = 10.5m }) with { Currency = "JPY" }, Code.TooManyDecimals, "unitPrice", "unit price", "JPY");
        yield return Order("fourth decimal in KWD (exponent 3)", s => s.WithLine(l => l with { UnitPrice = 1.0005m }) with { Currency = "KWD" }, Code.TooManyDecimals, "unitPrice", "unit price", "KWD");
        yield return Order("no lines", s => s.OpenOrder with { Lines = [] }, Code.EmptyOrder, "lines", "no lines");
        yield return Order("negative quantity", s => s.WithLine(l => l with { Quantity = -1 }), Code.NegativeQuantity, "quantity", "quantity", "negative");
        yield return Order("negative delivered quantity", s => s.WithLine(l => l with { DeliveredQuantity = -1 }), Code.NegativeQuantity, "deliveredQuantity", "delivered quantity", "negative");
        yield return Order("delivered more than ordered", s => s.WithLine(l => l with { DeliveredQuantity = 5 }), Code.DeliveredExceedsOrdered, "deliveredQuantity", "delivered quantity", "exceeds");
        yield return Order("VAT −1 %", s => s.WithLine(l => l with { VatRate = -1 }), Code.VatRateOutOfRange, "vatRate", "VAT rate", "-1");
        yield return Order("VAT 100.5 %", s => s.WithLine(l => l with { VatRate = 100.5m }), Code.VatRateOutOfRange, "vatRate", "VAT rate", "100.5");
        yield return Order("VAT with three decimals", s => s.WithLine(l => l with { VatRate = 25.125m }), Code.VatRateOutOfRange, "vatRate", "VAT rate", "two decimals");
        yield return Order("discount −5 %", s => s.WithLine(l => l with { DiscountPercent = -5 }), Code.DiscountPercentOutOfRange, "discountPercent", "discount", "-5");
        yield return Order("discount 100.001 %", s => s.WithLine(l => l with { DiscountPercent = 100.001m }), Code.DiscountPercentOutOfRange, "discountPercent", "discount", "100.001");
        yield return Order("negative price on goods", s => s.WithLine(l => l with { UnitPrice = -1 }), Code.NegativePrice, "unitPrice", "unit price", "negative");
        yield return Order("positive discount line", s => s.WithLine(l => l with { Kind = OrderLineKind.Discount, UnitPrice = 5 }), Code.PositiveDiscount, "unitPrice", "unit price", "positive");
        yield return Order("gift card with VAT", s => s.WithLine(l => l with { Kind = OrderLineKind.GiftCard, UnitPrice = -5, VatRate = 25 }), Code.GiftCardWithVat, "vatRate", "VAT rate", "gift card");
        yield return Order("undefined line kind", s => s.WithLine(l => l with { Kind = (OrderLineKind)99 }), Code.MalformedJson, "kind", "kind", "99");
        yield return Order("duplicate line id", s => s.OpenOrder with { Lines = [s.OpenOrder.Lines[0], s.OpenOrder.Lines[1] with { LineId = "1" }] }, Code.DuplicateLineId, "lineId", "line id", "unique");
        yield return Order("blank line id", s => s.WithLine(l => l with { LineId = " " }), Code.MissingField, "lineId", "lineId", "missing");
        yield return Order("empty description", s => s.WithLine(l => l with { Description = "" }), Code.MissingField, "description", "description", "missing");
        yield return Order("description of 256 characters", s => s.WithLine(l => l with { Description = new string('d', 256) }), Code.FieldTooLong, "description", "description", "256");
        yield return Order("article number of 256 characters", s => s.WithLine(l => l with { ArticleNumber = new string('a', 256) }), Code.FieldTooLong, "articleNumber", "articleNumber", "256");
        yield return Order("unit of 11 characters", s => s.WithLine(l => l with { Unit = "kilogrammes" }), Code.FieldTooLong, "unit", "unit", "11");
        yield return Order("quantity 10^28", s => s.WithLine(l => l with { Quantity = 1e28m }), Code.AmountOutOfRange, "quantity", "quantity", "limit");
        yield return Order("discounts exceed goods", s => s.OpenOrder with { Lines = [.. s.OpenOrder.Lines, new() { LineId = "9", Description = "Rabatt", Kind = OrderLineKind.Discount, Quantity = 1, UnitPrice = -99_999m, VatRate = 25 }] }, Code.DiscountsExceedGoods, "lines", "discounts", "exceed");
        yield return Order("unknown merchant profile", s => s.OpenOrder with { Merchant = "FI" }, Code.UnknownMerchant, "merchant", "merchant", "FI");
    }

    private static IEnumerable<BadInputCase> JsonDocuments()
    {
        yield return JsonCase("quantity as a string", s => s.Json(Line.Replace("\"quantity\": 4", "\"quantity\": \"4\"", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].quantity", "number is required");
        yield return JsonCase("unit price NaN (bare)", s => s.Json(Line.Replace("1234.50", "NaN", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "malformed");
        yield return JsonCase("unit price \"NaN\"", s => s.Json(Line.Replace("1234.50", "\"NaN\"", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "NaN");
        yield return JsonCase("unit price \"Infinity\"", s => s.Json(Line.Replace("1234.50", "\"Infinity\"", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "number is required");
        yield return JsonCase("unit price -Infinity (bare)", s => s.Json(Line.Replace("1234.50", "-Infinity", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "malformed");
        yield return JsonCase("exponent notation 1.2345e3", s => s.Json(Line.Replace("1234.50", "1.2345e3", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "exponent");
        yield return JsonCase("exponent notation 4E0 as quantity", s => s.Json(Line.Replace("\"quantity\": 4", "\"quantity\": 4E0", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].quantity", "exponent");
        yield return JsonCase("30-digit decimal", s => s.Json(Line.Replace("1234.50", "1234.50000000000000000000000001", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "significant digits");
        yield return JsonCase("33-digit integer", s => s.Json(Line.Replace("1234.50", "123456789012345678901234567890123", StringComparison.Ordinal)), Code.MalformedJson, "$.lines[0].unitPrice", "significant digits");
        yield return JsonCase("duplicate orderNumber (not last-one-wins)", s => s.Json(head: "\"orderNumber\": \"999\", "), Code.MalformedJson, "$", "duplicate");
        yield return JsonCase("duplicate unitPrice in a line", s => s.Json(Line + ", \"unitPrice\": 1"), Code.MalformedJson, "$.lines[0]", "duplicate");
        yield return JsonCase("unknown field", s => s.Json(head: "\"customer\": \"x\", "), Code.MalformedJson, "$", "customer");
        yield return JsonCase("truncated document", s => s.Json()[..60], Code.MalformedJson, "$", "malformed");
        yield return JsonCase("JSON null", _ => "null", Code.MalformedJson, "$", "order JSON is null");
        yield return JsonCase("array instead of object", _ => "[]", Code.MalformedJson, "$", "malformed");
        yield return JsonCase("unknown line kind", s => s.Json(Line + ", \"kind\": \"gadget\""), Code.MalformedJson, "$.lines[0].kind", "gadget");
        yield return JsonCase("pricesIncludeVat as \"yes\"", s => s.Json().Replace("\"pricesIncludeVat\": true", "\"pricesIncludeVat\": \"yes\"", StringComparison.Ordinal), Code.MalformedJson, "$.pricesIncludeVat", "malformed");
        yield return JsonCase("comment in JSON", s => "// order\n" + s.Json(), Code.MalformedJson, "$", "malformed");
        yield return JsonCase("missing vatRate", s => s.Json(Line.Replace(", \"vatRate\": 25", string.Empty, StringComparison.Ordinal)), Code.MissingField, "$.lines[0].vatRate", "missing");
        yield return JsonCase("document over 4 MiB (refused by size before parsing)", s => s.Json(Line + ", \"articleNumber\": \"" + new string('x', InvoicingOrderJson.MaxLength) + "\""), Code.DocumentTooLarge, "$", "order JSON", "at most 4194304", "Nothing was parsed");
    }

    private static IEnumerable<BadInputCase> Request()
    {
        yield return Rule("request", "empty invoice number", s => s.Create(s.OpenOrder, ""), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "required");
        yield return Rule("request", "invoice number of spaces only", s => s.Create(s.OpenOrder, "    "), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "required");
        yield return Rule("request", "invoice number of 256 characters", s => s.Create(s.OpenOrder, new string('9', 256)), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "256");
        yield return Rule("request", "invoice number with a line break", s => s.Create(s.OpenOrder, "INV-1\nINV-2"), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "control character");
        yield return Rule("request", "invoice number with NUL", s => s.Create(s.OpenOrder, "INV\0"), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "control character");
        yield return Rule("request", "invoice number with a tab", s => s.Create(s.OpenOrder, "INV\t1"), KlarnaInvoicingRule.InvalidInvoiceNumber, "invoice number", "control character");
        yield return Rule("request", "prepayment percent 0", s => s.Create(s.OpenOrder, "P-1", InvoiceType.Prepayment, 0m), KlarnaInvoicingRule.InvalidPrepaymentPercent, "prepayment percent", "greater than 0");
        yield return Rule("request", "prepayment percent −5", s => s.Create(s.OpenOrder, "P-1", InvoiceType.Prepayment, -5m), KlarnaInvoicingRule.InvalidPrepaymentPercent, "prepayment percent", "-5");
        yield return Rule("request", "prepayment percent 100.001", s => s.Create(s.OpenOrder, "P-1", InvoiceType.Prepayment, 100.001m), KlarnaInvoicingRule.InvalidPrepaymentPercent, "prepayment percent", "100.001");
        yield return Rule("request", "prepayment without percent", s => s.Create(s.OpenOrder, "P-1", InvoiceType.Prepayment), KlarnaInvoicingRule.InvalidPrepaymentPercent, "prepayment percent");
        yield return Rule("request", "percent on a final invoice", s => s.Create(s.OpenOrder, "P-1", InvoiceType.Final, 30m), KlarnaInvoicingRule.InvalidPrepaymentPercent, "prepayment percent", "only allowed on a prepayment");
        yield return Null("request", "null request", s => s.Invoicing.CreateInvoiceAsync(s.OpenOrder, null!), "request");
        yield return Null("request", "null order", s => s.Invoicing.CreateInvoiceAsync(null!, new CreateInvoiceRequest { InvoiceNumber = "N-1" }), "order");
        yield return Argument("request", "blank invoice number for status", s => s.Invoicing.GetActivationStatusAsync(" "), "invoiceNumber");
    }

    private static IEnumerable<BadInputCase> Locks()
    {
        const string locked = BadInputScene.LockedInvoice;
        yield return Rule("lock", "duplicate invoice number with a different body", s => s.Create(s.OpenOrder, locked), KlarnaInvoicingRule.InvoiceLocked, "activated", "cannot be activated again");
        yield return Rule("lock", "duplicate invoice number, same order, changed lines", s => s.Create(s.LockedOrder with { Lines = [s.LockedOrder.Lines[0]] }, locked), KlarnaInvoicingRule.InvoiceLocked, "activated", "cannot be activated again");
        yield return Rule("lock", "locked invoice edited", s => s.Invoicing.EnsureAllowedAsync(locked, InvoiceAction.Edit), KlarnaInvoicingRule.InvoiceLocked, "activated", "cannot be edited");
        yield return Rule("lock", "locked invoice deleted", s => s.Invoicing.EnsureAllowedAsync(locked, InvoiceAction.Delete), KlarnaInvoicingRule.InvoiceLocked, "activated", "cannot be deleted");
        yield return Rule("lock", "locked invoice retried", s => s.Invoicing.RetryActivationAsync(s.LockedOrder, locked), KlarnaInvoicingRule.InvoiceLocked, locked, "only a failed activation");
        yield return Rule("lock", "locked invoice abandoned", s => s.Invoicing.AbandonInvoiceAsync(locked), KlarnaInvoicingRule.InvoiceLocked, "activated", "cannot be deleted");
        yield return Rule("lock", "retry of an unknown invoice", s => s.Invoicing.RetryActivationAsync(s.OpenOrder, "NOPE-1"), KlarnaInvoicingRule.InvoiceNotFound, "NOPE-1", "not known");
        yield return Rule("lock", "abandon of an unknown invoice", s => s.Invoicing.AbandonInvoiceAsync("NOPE-2"), KlarnaInvoicingRule.InvoiceNotFound, "NOPE-2", "not known");
    }

    private static IEnumerable<BadInputCase> KlarnaIds()
    {
        foreach (var (name, id, names) in new (string, string, string[])[]
        {
            ("with '/'", "abc/def", ["klarnaOrderId", "'/'"]),
            ("'..'", "..", ["klarnaOrderId", "'.'"]),
            ("'.'", ".", ["klarnaOrderId", "'.'"]),
            ("with a query", "abc?x=1", ["klarnaOrderId", "'?'"]),
            ("percent-encoded '..'", "%2e%2e", ["klarnaOrderId", "'%'"]),
            ("with a line break", "abc\ndef", ["klarnaOrderId", "U+000A"]),
            ("blank", "  ", ["klarnaOrderId", "empty"]),
        })
        {
            yield return Order("Klarna order id " + name, s => s.OpenOrder with { KlarnaOrderId = id }, Code.InvalidKlarnaOrderId, "klarnaOrderId", names);
        }

        yield return Order("Klarna order id of 256 characters", s => s.OpenOrder with { KlarnaOrderId = new string('a', 256) }, Code.FieldTooLong, "klarnaOrderId", "klarnaOrderId", "256");
        yield return Argument("klarna-id", "reading order '../captures'", s => s.Invoicing.GetKlarnaOrderAsync(null, "../captures"), "orderId", "'.'");
        yield return Argument("klarna-id", "cancelling order 'a/cancel'", s => s.Invoicing.CancelReservationAsync(null, "a/cancel"), "orderId", "'/'");
        yield return Argument("klarna-id", "releasing order with a control character", s => s.Invoicing.ReleaseRemainingAuthorizationAsync(null, "a\u0001b"), "orderId", "U+0001");
        yield return Argument("klarna-id", "extending order with '#'", s => s.Invoicing.ExtendReservationAsync(null, "a#b"), "orderId", "'#'");
        yield return new("klarna-id", "unknown (well-formed) Klarna order id: Klarna's 404, nothing written", s => s.Create(s.OpenOrder with { KlarnaOrderId = "0b1d9815-165e-42e2-8867-000000000000" }, "U-1"),
            typeof(KlarnaApiException), ["404", "NO_SUCH_ORDER"], e => ((KlarnaApiException)e).ErrorCode == "NO_SUCH_ORDER", ReadsKlarna: true);
    }

    private static IEnumerable<BadInputCase> Options()
    {
        static void Merchant(KlarnaInvoicingOptions o, Action<KlarnaMerchantOptions> change) => change(o.Merchants[InvoicingHarness.Merchant]);

        yield return BadInputCase.Options("http on a non-loopback host", o => Merchant(o, m => m.BaseAddress = new Uri("http://api.playground.klarna.com/")), "BaseAddress", "https");
        yield return BadInputCase.Options("a non-Klarna host", o => Merchant(o, m => m.BaseAddress = new Uri("https://klarna.example.com/")), "BaseAddress", "Klarna's API hosts");
        yield return BadInputCase.Options("user info in the URL", o => Merchant(o, m => m.BaseAddress = new Uri("https://user:hunter2@api.playground.klarna.com/")), "BaseAddress", "user info");
        yield return BadInputCase.Options("a query in the URL", o => Merchant(o, m => m.BaseAddress = new Uri("https://api.playground.klarna.com/?merchant=1")), "BaseAddress", "query");
        yield return BadInputCase.Options("a non-default port on a Klarna host", o => Merchant(o, m => m.BaseAddress = new Uri("https://api.playground.klarna.com:8443/")), "BaseAddress", "port");
        yield return BadInputCase.Options("a Production host for a Playground profile", o => Merchant(o, m => m.BaseAddress = new Uri("https://api.klarna.com/")), "BaseAddress", "Production host");
        yield return BadInputCase.Options("empty password", o => Merchant(o, m => m.Password = ""), "Password", "required");
        yield return BadInputCase.Options("empty username with a password", o => Merchant(o, m => m.Username = " "), "Username", "required");
        yield return BadInputCase.Options("a production key against the playground", o => Merchant(o, m => { m.BaseAddress = null; m.Password = "klarna_live_api_abc"; }), "live API key", "Playground");
        yield return BadInputCase.Options("a playground key against production", o => Merchant(o, m => { m.BaseAddress = null; m.Environment = KlarnaEnvironment.Production; m.Password = "klarna_test_api_abc"; }), "playground API key", "Production");
        yield return BadInputCase.Options("':' in the username", o => Merchant(o, m => m.Username = "PK:1"), "Username", "':'");
        yield return BadInputCase.Options("a control character in the password", o => Merchant(o, m => m.Password = "pass\nword"), "Password", "control characters");
        yield return BadInputCase.Options("zero requests per second", o => Merchant(o, m => m.RequestsPerSecond = 0), "RequestsPerSecond", "between 1 and 10000");
        yield return BadInputCase.Options("no merchant profile", o => o.Merchants.Clear(), "Merchants", "at least one");
        yield return BadInputCase.Options("a default profile that is not configured", o => o.DefaultMerchant = "NO", "DefaultMerchant", "'NO'");
        yield return BadInputCase.Options("an empty idempotency namespace", o => o.IdempotencyNamespace = Guid.Empty, "IdempotencyNamespace", "random GUID");
        yield return BadInputCase.Options("a key lifetime beyond Klarna's 24 h", o => o.IdempotencyKeyLifetime = TimeSpan.FromHours(25), "IdempotencyKeyLifetime", "24-hour");
        yield return Timeouts("a zero read timeout", t => t.ReadAttemptTimeout = TimeSpan.Zero, "ReadAttemptTimeout", "positive");
        yield return Timeouts("a total timeout shorter than an attempt", t => t.TotalRequestTimeout = TimeSpan.FromSeconds(5), "TotalRequestTimeout", "at least as long");
    }
}
