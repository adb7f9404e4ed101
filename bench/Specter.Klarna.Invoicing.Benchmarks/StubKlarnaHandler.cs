using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// An in-memory Klarna Order Management stand-in: no sockets, no parsing of the request body. Each answer is a new
/// <see cref="HttpResponseMessage"/> (the caller disposes it) built from pre-encoded bytes, so the stub's own cost is
/// the same for the baseline and for the library.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>POST …/captures</c> → 201 with <c>Capture-Id</c> and <c>Location</c>.</item>
/// <item><c>POST …/release-remaining-authorization</c> → 204.</item>
/// <item><c>GET …/orders/{id}</c> → 200 with an AUTHORIZED, ACCEPTED SEK order whose remaining authorized amount is
/// <see cref="AuthorizedAmount"/> (large, so no invoice is the last one and nothing is released).</item>
/// </list>
/// </remarks>
internal sealed class StubKlarnaHandler : HttpMessageHandler
{
    public const string CaptureId = "4ba29b50-be7b-44f5-a492-113e6a865e22";
    public const long AuthorizedAmount = 99_000_000;

    private static readonly Uri CaptureLocation = new("https://api.playground.klarna.com/ordermanagement/v1/orders/stub/captures/" + CaptureId);
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] OrderJson = Encoding.UTF8.GetBytes(
        $$"""
        {"order_id":"stub","status":"AUTHORIZED","fraud_status":"ACCEPTED","order_amount":{{AuthorizedAmount}},"original_order_amount":{{AuthorizedAmount}},"captured_amount":0,"refunded_amount":0,"remaining_authorized_amount":{{AuthorizedAmount}},"purchase_currency":"SEK","expires_at":"2099-01-01T00:00:00Z","captures":[],"refunds":[]}
        """);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        if (request.Method == HttpMethod.Get)
        {
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(OrderJson) };
            response.Content.Headers.ContentType = Json;
        }
        else if (request.RequestUri!.AbsolutePath.EndsWith("/captures", StringComparison.Ordinal))
        {
            response = new HttpResponseMessage(HttpStatusCode.Created);
            response.Headers.TryAddWithoutValidation("Capture-Id", CaptureId);
            response.Headers.Location = CaptureLocation;
        }
        else
        {
            response = new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
