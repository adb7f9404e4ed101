using System.Net;
using System.Net.Http.Headers;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>The in-process transport: turns an <see cref="HttpRequestMessage"/> into an engine call.</summary>
internal sealed class SimulatorHttpHandler(SimulatorEngine engine) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new List<KeyValuePair<string, string>>();
        AddHeaders(headers, request.Headers);
        if (request.Content is not null)
        {
            AddHeaders(headers, request.Content.Headers);
        }

        var outcome = await engine.ProcessAsync(
            new SimHttpRequest(request.Method.Method, request.RequestUri!, headers, body),
            cancellationToken).ConfigureAwait(false);

        if (outcome.AbortConnection)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The Klarna simulator dropped the response after applying the request (injected fault).");
        }

        var response = new HttpResponseMessage((HttpStatusCode)outcome.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(outcome.Body),
        };
        if (outcome.ContentType is not null)
        {
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(outcome.ContentType) { CharSet = "utf-8" };
        }

        foreach (var header in outcome.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }

    private static void AddHeaders(List<KeyValuePair<string, string>> target, HttpHeaders source)
    {
        foreach (var header in source)
        {
            foreach (var value in header.Value)
            {
                target.Add(new(header.Key, value));
            }
        }
    }
}
