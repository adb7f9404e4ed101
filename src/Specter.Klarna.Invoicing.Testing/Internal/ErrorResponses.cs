using System.Text.Json;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Builds Klarna-shaped error bodies: <c>{error_code, error_messages[], correlation_id}</c>, each with a fresh correlation id.</summary>
internal static class ErrorResponses
{
    public static SimHttpResponse Create(int status, string errorCode, IEnumerable<string> messages, params KeyValuePair<string, string>[] headers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error_code", errorCode);
            writer.WriteStartArray("error_messages");
            foreach (var message in messages)
            {
                writer.WriteStringValue(message);
            }

            writer.WriteEndArray();
            writer.WriteString("correlation_id", Guid.NewGuid().ToString());
            writer.WriteEndObject();
        }

        return SimHttpResponse.Json(status, buffer.ToArray(), headers);
    }

    public static SimHttpResponse Create(int status, string errorCode, string message) => Create(status, errorCode, [message]);

    public static SimHttpResponse NoSuchOrder(string orderId, string suffix = "") =>
        Create(404, "NO_SUCH_ORDER", $"Order {orderId} cannot be found.{suffix}");

    public static SimHttpResponse BadValue(IEnumerable<string> messages) => Create(400, "BAD_VALUE", messages);

    public static SimHttpResponse NotAllowed(string message) => Create(403, "NOT_ALLOWED", message);

    public static SimHttpResponse TemporarilyUnavailable() => Create(503, "TEMPORARILY_UNAVAILABLE", "Temporarily unavailable");

    public static SimHttpResponse InternalServerError() => Create(500, "INTERNAL_SERVER_ERROR", "Unexpected server error");

    // Klarna documents the conflict error with an empty message list.
    public static SimHttpResponse Conflict() => Create(409, "CONFLICT", []);

    public static SimHttpResponse ProxyBadGateway() => SimHttpResponse.Html(
        502,
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
}
