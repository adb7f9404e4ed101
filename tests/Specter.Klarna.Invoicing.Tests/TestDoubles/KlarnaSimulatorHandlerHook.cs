using System.Net.Http.Headers;
using System.Text;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>Sits in front of the simulator's handler to change Klarna's state at a precise moment (for example just before a capture).</summary>
internal sealed class KlarnaSimulatorHandlerHook(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _captures;

    public Func<Task>? BeforeFirstCapture { get; set; }

    public Func<HttpRequestMessage, Task>? AfterEachCapture { get; set; }

    public async Task CancelOrderAsync(string klarnaOrderId, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:5999/ordermanagement/v1/orders/{klarnaOrderId}/cancel");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        request.Headers.Add("Klarna-Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await base.SendAsync(request, CancellationToken.None);
        response.EnsureSuccessStatusCode();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool isCapture = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/captures", StringComparison.Ordinal);
        if (isCapture && Interlocked.Increment(ref _captures) == 1 && BeforeFirstCapture is { } before)
        {
            await before();
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isCapture && AfterEachCapture is { } after)
        {
            await after(request);
        }

        return response;
    }
}
