using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

/// <summary>
/// Every request body the client can produce validates against the request schemas of BOTH Klarna specs
/// (2020 Swagger <c>ordermanagement.json</c> and the OpenAPI 3 copy, loaded from its committed JSON conversion).
/// </summary>
/// <remarks>
/// Test-side tightening of the spec schemas (documented, deliberate): <c>additionalProperties: false</c> on every object
/// (the specs allow unknown fields; we assert every field we send exists in the schema); unanchored alternation patterns
/// (<c>type</c>, <c>shipping_method</c>) anchored; the OpenAPI copy's one-element <c>enum</c> holding the line-type regex
/// turned back into that pattern, and its <c>enum: [null]</c> artifacts dropped.
/// </remarks>
public sealed partial class KlarnaRequestContractTests
{
    private static readonly Lazy<Specs> Loaded = new(Specs.Load);

    public enum Spec
    {
        Swagger2020,
        OpenApi2024,
    }

    public static TheoryData<string, Spec> Bodies()
    {
        var data = new TheoryData<string, Spec>();
        foreach (var name in Samples.Keys)
        {
            data.Add(name, Spec.Swagger2020);
            data.Add(name, Spec.OpenApi2024);
        }

        return data;
    }

    private static readonly Dictionary<string, (string Schema, Func<byte[]> Body)> Samples = new()
    {
        ["full capture"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
        {
            CapturedAmount = 15_900,
            Reference = "INV-2026-000123",
            Description = "Faktura INV-2026-000123 – leverans 1 av 1",
            OrderLines =
            [
                Line("physical", "SKU-1", "Kaffebryggare Moccamaster", 1, 12_900, 2500),
                Line("shipping_fee", "FRAKT", "Frakt PostNord", 1, 4_900, 2500),
                Line("discount", "RABATT10", "Rabattkod VÅR10", 1, -1_900, 2500),
            ],
            ShippingInfo = [new KlarnaShippingInfo { ShippingCompany = "PostNord SE", ShippingMethod = "PickUpPoint", TrackingNumber = "00370712345678901234", TrackingUri = "https://tracking.postnord.com/se/?id=00370712345678901234" }],
        })),
        ["partial capture with line discounts"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
        {
            CapturedAmount = 8_100,
            Reference = "INV-2",
            OrderLines =
            [
                new KlarnaOrderLine { Type = "physical", Reference = "SKU-2", Name = "T-shirt", Quantity = 3, QuantityUnit = "st", UnitPrice = 3_000, TaxRate = 2500, TotalDiscountAmount = 900, TotalAmount = 8_100, TotalTaxAmount = 1_620 },
            ],
        })),
        ["fractional quantity as one line"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
        {
            CapturedAmount = 11_250,
            OrderLines = [Line("physical", "TOM-KG", "2,5 kg", 1, 11_250, 1200)],
        })),
        ["capture with gift card and zero VAT"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
        {
            CapturedAmount = 500,
            OrderLines = [Line("digital", "EBOOK", "E-bok", 1, 1_500, 600), Line("gift_card", "GC", "Presentkort", 1, -1_000, 0)],
        })),
        ["capture with 1000 lines"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
        {
            CapturedAmount = 1000 * 1_250,
            Reference = new string('R', 255),
            Description = new string('D', 255),
            OrderLines = [.. Enumerable.Range(1, 1000).Select(i => Line("physical", "SKU-" + i, "Artikel " + i, 1, 1_250, 2500))],
        })),
        ["capture without lines"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 100 })),
        ["the 2020 spec's maximum capture amount"] = ("CaptureObject", () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 100_000_000 })),
        ["refund with lines"] = ("RefundObject", () => KlarnaRequestBodies.Refund(new KlarnaRefundRequest
        {
            RefundedAmount = 4_900,
            Reference = "CR-77",
            Description = "Retur",
            OrderLines = [Line("physical", "SKU-1", "Kaffebryggare", 1, 4_900, 2500)],
        })),
        ["refund without lines"] = ("RefundObject", () => KlarnaRequestBodies.Refund(new KlarnaRefundRequest { RefundedAmount = 1 })),
        ["update authorization"] = ("Update authorization", () => KlarnaRequestBodies.UpdateAuthorization(new KlarnaUpdateAuthorizationRequest
        {
            OrderAmount = 20_000,
            Description = "Added a charger",
            OrderLines = [Line("physical", "SKU-1", "Laptop", 1, 18_000, 2500), Line("physical", "SKU-9", "Charger", 1, 2_000, 2500)],
        })),
        ["merchant references both"] = ("Update merchant references", () => KlarnaRequestBodies.MerchantReferences("ORDER-1", "ERP-99")),
        ["merchant reference one"] = ("Update merchant references", () => KlarnaRequestBodies.MerchantReferences(null, "ERP-99")),
        ["shipping info"] = ("UpdateShippingInfo", () => KlarnaRequestBodies.ShippingInfo(
        [
            new KlarnaShippingInfo { ShippingCompany = "DHL Freight SE", ShippingMethod = "PalletDelivery", TrackingNumber = "1", ReturnShippingCompany = "DHL", ReturnTrackingNumber = "2", ReturnTrackingUri = "https://dhl.example/2" },
        ])),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void EveryBody_ValidatesAgainstBothSpecs(string sample, Spec spec)
    {
        var (schema, body) = Samples[sample];

        var errors = Loaded.Value.Validate(spec, schema, body());

        // Spec drift: Klarna added the shipping methods PalletDelivery etc. after 2020.
        if (spec == Spec.Swagger2020 && sample == "shipping info")
        {
            errors.Should().NotBeEmpty();
            return;
        }

        errors.Should().BeEmpty();
    }

    [Fact]
    public void ReturnFee_IsOnlyKnownToTheNewerSpec()
    {
        var body = KlarnaRequestBodies.Refund(new KlarnaRefundRequest
        {
            RefundedAmount = 9_000,
            OrderLines = [Line("physical", "SKU-1", "Shoes", 1, 10_000, 2500), Line("return_fee", "RF", "Return fee", 1, -1_000, 2500)],
        });

        Loaded.Value.Validate(Spec.OpenApi2024, "RefundObject", body).Should().BeEmpty();
        Loaded.Value.Validate(Spec.Swagger2020, "RefundObject", body).Should().NotBeEmpty();
    }

    [Fact]
    public void OrderLines_AlwaysCarryTypeTaxRateAndTotalTax()
    {
        var body = JsonNode.Parse(KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 0, OrderLines = [Line("physical", null, "x", 1, 0, 0)] }))!;

        var line = body["order_lines"]![0]!.AsObject();
        line.Select(p => p.Key).Should().Contain(["type", "tax_rate", "total_tax_amount", "total_discount_amount", "name", "quantity", "unit_price", "total_amount"]);
        line["tax_rate"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public void Bodies_AreDeterministic()
    {
        foreach (var (_, (_, body)) in Samples)
        {
            body().Should().Equal(body());
        }
    }

    public static TheoryData<string, string> Mutations => new()
    {
        { "unknown field", """{"captured_amount":100,"invoice_number":"INV-1"}""" },
        { "unknown line field", """{"captured_amount":100,"order_lines":[{"type":"physical","name":"x","quantity":1,"unit_price":100,"tax_rate":0,"total_amount":100,"total_tax_amount":0,"vat":0}]}""" },
        { "amount as string", """{"captured_amount":"100"}""" },
        { "fractional quantity", """{"captured_amount":100,"order_lines":[{"type":"physical","name":"x","quantity":2.5,"unit_price":40,"tax_rate":0,"total_amount":100,"total_tax_amount":0}]}""" },
        { "negative capture", """{"captured_amount":-1}""" },
        { "amount over maximum", """{"captured_amount":200000001}""" },
        { "reference too long", "{\"captured_amount\":1,\"reference\":\"" + new string('x', 256) + "\"}" },
        { "unknown line type", """{"captured_amount":100,"order_lines":[{"type":"physical_goods","name":"x","quantity":1,"unit_price":100,"tax_rate":0,"total_amount":100,"total_tax_amount":0}]}""" },
        { "missing amount", """{"reference":"x"}""" },
        { "too many lines", "{\"captured_amount\":0,\"order_lines\":[" + string.Join(",", Enumerable.Repeat("""{"type":"physical","name":"x","quantity":0,"unit_price":0,"tax_rate":0,"total_amount":0,"total_tax_amount":0}""", 1001)) + "]}" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void BrokenBodies_FailBothSpecs(string mutation, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Loaded.Value.Validate(Spec.Swagger2020, "CaptureObject", bytes).Should().NotBeEmpty(mutation);
        Loaded.Value.Validate(Spec.OpenApi2024, "CaptureObject", bytes).Should().NotBeEmpty(mutation);
    }

    [Fact]
    public void LineWithoutTypeOrTax_FailsOnlyTheStricter2020Spec()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"captured_amount":100,"order_lines":[{"name":"x","quantity":1,"unit_price":100,"total_amount":100}]}""");

        Loaded.Value.Validate(Spec.Swagger2020, "CaptureObject", bytes).Should().NotBeEmpty();
        Loaded.Value.Validate(Spec.OpenApi2024, "CaptureObject", bytes).Should().BeEmpty();
    }

    [Theory]
    [InlineData("docs-capture-request-full.json", "CaptureObject")]
    [InlineData("docs-capture-request-partial.json", "CaptureObject")]
    [InlineData("docs-capture-shipping-info-request.json", "UpdateShippingInfo")]
    [InlineData("docs-update-authorization-request.json", "Update authorization")]
    [InlineData("docs-update-merchant-references-request.json", "Update merchant references")]
    [InlineData("docs-refund-allocation-refund-B-request-REPAIRED.json", "RefundObject")]
    public void KlarnaDocsExamples_ValidateAgainstTheNewerSpec(string fixture, string schema) =>
        Loaded.Value.Validate(Spec.OpenApi2024, schema, Encoding.UTF8.GetBytes(KlarnaTestHost.Fixture(fixture))).Should().BeEmpty();

    [Fact]
    public void CurrentMaximumAmount_IsWrittenAndValidAgainstTheCurrentSpec()
    {
        // KlarnaLimits follows Klarna's current spec (200 000 000); the 2020 spec's 100 000 000 is no longer the limit.
        var body = KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 200_000_000, OrderLines = [Line("physical", "X", "x", 1, 200_000_000, 0)] });

        Loaded.Value.Validate(Spec.OpenApi2024, "CaptureObject", body).Should().BeEmpty();
        KlarnaRequestBodies.MaxAmount.Should().Be(200_000_000);
    }

    [Fact]
    public void ClientLimits_AreRefusedBeforeSending()
    {
        var tooMany = () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 0, OrderLines = [.. Enumerable.Repeat(Line("physical", null, "x", 0, 0, 0), 1001)] });
        var badType = () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = 0, OrderLines = [Line("hologram", null, "x", 0, 0, 0)] });
        var tooLong = () => KlarnaRequestBodies.Refund(new KlarnaRefundRequest { RefundedAmount = 0, Reference = new string('x', 256) });
        var tooMuch = () => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest { CapturedAmount = KlarnaRequestBodies.MaxAmount + 1 });
        var noShipping = () => KlarnaRequestBodies.ShippingInfo([]);

        foreach (var act in new Func<byte[]>[] { tooMany, badType, tooLong, tooMuch, noShipping })
        {
            act.Should().Throw<ArgumentException>();
        }
    }

    private static KlarnaOrderLine Line(string type, string? reference, string name, long quantity, long unitPrice, int taxRate)
    {
        var total = quantity * unitPrice;
        var tax = total - (long)Math.Round(total * 10000m / (10000 + taxRate), MidpointRounding.AwayFromZero);
        return new KlarnaOrderLine { Type = type, Reference = reference, Name = name, Quantity = quantity, UnitPrice = unitPrice, TaxRate = taxRate, TotalAmount = total, TotalTaxAmount = tax };
    }

    private sealed partial class Specs
    {
        private readonly Dictionary<(Spec, string), JsonSchema> _schemas = [];

        private Specs(Dictionary<Spec, JsonObject> definitions)
        {
            foreach (var (spec, defs) in definitions)
            {
                foreach (var name in new[] { "CaptureObject", "RefundObject", "Update authorization", "Update merchant references", "UpdateShippingInfo" })
                {
                    var root = new JsonObject
                    {
                        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                        ["$defs"] = defs.DeepClone(),
                        ["$ref"] = "#/$defs/" + Sanitize(name),
                    };
                    var id = new Uri($"https://specter.test/{spec}/{Sanitize(name)}");
                    _schemas[(spec, name)] = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
                }
            }
        }

        public static Specs Load()
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "Klarna", "Fixtures", "specs");
            var swagger = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "ordermanagement.json")))!["definitions"]!.AsObject();
            var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "order-management-api-openapi.converted.json")))!["components"]!["schemas"]!.AsObject();
            return new Specs(new Dictionary<Spec, JsonObject> { [Spec.Swagger2020] = Prepare(swagger), [Spec.OpenApi2024] = Prepare(openApi) });
        }

        public IReadOnlyList<string> Validate(Spec spec, string schema, byte[] body)
        {
            using var document = JsonDocument.Parse(body);
            var result = _schemas[(spec, schema)].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            return result.IsValid
                ? []
                : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).DefaultIfEmpty("invalid")];
        }

        private static JsonObject Prepare(JsonObject definitions)
        {
            var result = new JsonObject();
            foreach (var (name, schema) in definitions)
            {
                result[Sanitize(name)] = Rewrite(schema!.DeepClone());
            }

            return result;
        }

        private static JsonNode Rewrite(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    obj.Remove("example");
                    if (obj["$ref"] is JsonValue reference)
                    {
                        var target = reference.GetValue<string>().Split('/')[^1];
                        obj["$ref"] = "#/$defs/" + Sanitize(target);
                    }

                    if (obj["enum"] is JsonArray { Count: 1 } single && single[0] is null)
                    {
                        obj.Remove("enum");
                    }
                    else if (obj["enum"] is JsonArray { Count: 1 } regex && regex[0]!.GetValue<string>().Contains('|', StringComparison.Ordinal))
                    {
                        obj.Remove("enum");
                        obj["pattern"] = regex[0]!.GetValue<string>();
                    }

                    if (obj["pattern"] is JsonValue pattern && pattern.GetValue<string>().Contains('|', StringComparison.Ordinal))
                    {
                        obj["pattern"] = "^(" + pattern.GetValue<string>().Trim('(', ')') + ")$";
                    }

                    if (obj["properties"] is JsonObject && obj["additionalProperties"] is null)
                    {
                        obj["additionalProperties"] = false;
                    }

                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        if (obj[key] is { } child)
                        {
                            obj[key] = Rewrite(child.DeepClone());
                        }
                    }

                    return obj;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            array[i] = Rewrite(item.DeepClone());
                        }
                    }

                    return array;
                default:
                    return node;
            }
        }

        private static string Sanitize(string name) => NonWord().Replace(name, "_");

        [GeneratedRegex(@"[^A-Za-z0-9_]")]
        private static partial Regex NonWord();
    }
}
