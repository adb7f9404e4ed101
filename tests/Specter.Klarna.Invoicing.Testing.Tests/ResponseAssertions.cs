using System.Net;
using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Tests;

internal static class ResponseAssertions
{
    public static async Task<JsonElement> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        response.StatusCode.Should().Be(status);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        body.GetProperty("error_code").GetString().Should().Be(errorCode);
        body.GetProperty("error_messages").ValueKind.Should().Be(JsonValueKind.Array);
        Guid.TryParse(body.GetProperty("correlation_id").GetString(), out _).Should().BeTrue();
        return body;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
