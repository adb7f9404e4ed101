using System.Net.Http.Headers;
using System.Text;

namespace Specter.Klarna.Invoicing.Cli.Demo;

/// <summary>Demo only: someone cancels the order at Klarna just as the ERP sends its capture, so Klarna itself refuses it.</summary>
internal sealed class DemoKlarnaHooks(Uri baseUrl, string username, string password)
{
    private string? _cancelBeforeCaptureOf;

    public void CancelBeforeNextCaptureOf(string klarnaOrderId) => Volatile.Write(ref _cancelBeforeCaptureOf, klarnaOrderId);

    public async Task BeforeSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? orderId = Volatile.Read(ref _cancelBeforeCaptureOf);
        if (orderId is null
            || request.Method != HttpMethod.Post
            || request.RequestUri?.AbsolutePath.EndsWith($"/orders/{orderId}/captures", StringComparison.Ordinal) != true
            || Interlocked.CompareExchange(ref _cancelBeforeCaptureOf, null, orderId) != orderId)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = baseUrl };
        using var cancel = new HttpRequestMessage(HttpMethod.Post, new Uri($"ordermanagement/v1/orders/{orderId}/cancel", UriKind.Relative));
        cancel.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        cancel.Headers.Add("Klarna-Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(cancel, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The HTTP handler that runs <see cref="DemoKlarnaHooks"/> in the library's Klarna client pipeline.</summary>
internal sealed class CancelBeforeCaptureHandler(DemoKlarnaHooks hooks) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await hooks.BeforeSendAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
