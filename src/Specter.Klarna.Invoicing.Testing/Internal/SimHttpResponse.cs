using System.Text;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A transport-neutral response; <see cref="AbortConnection"/> means "drop it on the floor".</summary>
internal sealed record SimHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string? ContentType)
{
    public bool AbortConnection { get; init; }

    public static SimHttpResponse Json(int status, byte[] body, params KeyValuePair<string, string>[] headers) =>
        new(status, headers, body, "application/json");

    public static SimHttpResponse Empty(int status, params KeyValuePair<string, string>[] headers) =>
        new(status, headers, [], null);

    public static SimHttpResponse Html(int status, string html) =>
        new(status, [], Encoding.UTF8.GetBytes(html), "text/html");

    public static SimHttpResponse Aborted() => new(0, [], [], null) { AbortConnection = true };
}
