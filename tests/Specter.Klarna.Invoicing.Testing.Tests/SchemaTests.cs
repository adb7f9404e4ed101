using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Specter.Klarna.Invoicing.Testing.Tests;

/// <summary>GET order and GET capture responses validate against the OM spec's response schemas (Fixtures/order-management-api-openapi.json, converted from YAML with the security-scheme name and enum artifacts repaired).</summary>
public sealed class SchemaTests
{
    internal static JsonSchema SchemaFor(string name, string specFixture = "order-management-api-openapi.json")
    {
        var spec = JsonNode.Parse(SimulatorHarness.Fixture(specFixture))!;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://specter.test/{specFixture}/{name}",
            ["$ref"] = $"#/components/schemas/{name}",
            ["components"] = spec["components"]!.DeepClone(),
        };
        StripOpenApiKeywords(root, insideProperties: false);
        return JsonSchema.FromText(root.ToJsonString());
    }

    // OpenAPI 3.0 annotations that JSON Schema 2020-12 rejects as unknown keywords.
    private static void StripOpenApiKeywords(JsonNode? node, bool insideProperties)
    {
        if (node is JsonObject obj)
        {
            if (!insideProperties)
            {
                foreach (var name in obj.Select(p => p.Key).Where(k => k is "example" or "nullable" || k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(name);
                }
            }

            foreach (var (key, child) in obj.ToList())
            {
                StripOpenApiKeywords(child, !insideProperties && key is "properties" or "schemas");
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                StripOpenApiKeywords(child, insideProperties: false);
            }
        }
    }

    [Fact]
    public async Task GetOrderAndGetCapture_ValidateAgainstTheSpec()
    {
        await using var h = await SimulatorHarness.CreateAsync();
        var orderId = h.Simulator.SeedOrderFromJson(SimulatorHarness.Fixture("docs-get-order-response-REPAIRED.json"), SimulatorHarness.Merchant);
        using var capture = await h.SendAsync(HttpMethod.Post, $"ordermanagement/v1/orders/{orderId}/refunds", """{"refunded_amount":50,"reference":"R-1"}""");

        var order = JsonDocument.Parse(await (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}")).Content.ReadAsStringAsync()).RootElement;
        var orderResult = SchemaFor("MerchantOrderDto").Evaluate(order, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var captureJson = JsonDocument.Parse(await (await h.Client.GetAsync($"ordermanagement/v1/orders/{orderId}/captures/{order.GetProperty("captures")[0].GetProperty("capture_id").GetString()}")).Content.ReadAsStringAsync()).RootElement;
        var captureResult = SchemaFor("Capture").Evaluate(captureJson, new EvaluationOptions { OutputFormat = OutputFormat.List });

        orderResult.IsValid.Should().BeTrue(JsonSerializer.Serialize(orderResult));
        captureResult.IsValid.Should().BeTrue(JsonSerializer.Serialize(captureResult));
        order.GetProperty("captured_amount").GetInt64().Should().Be(200);
        order.GetProperty("refunded_amount").GetInt64().Should().Be(50);
    }
}
