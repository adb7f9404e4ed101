using System.Net.Http.Headers;
using System.Text;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>Sits in front of the simulator's handler to change Klarna's state at a precise moment (for example just before a capture).</summary>
internal sealed class KlarnaSimulatorHandlerHook(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _captures;
    private int _orderReads;

    public Func<Task>? BeforeFirstCapture { get; set; }

    public Func<Task>? BeforeFirstOrderRead { get; set; }

    /// <summary>Gets or sets a value indicating whether the first capture is answered 403 CAPTURE_NOT_ALLOWED without reaching the simulator.</summary>
    public bool RefuseFirstCapture { get; set; }

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
        bool isOrderRead = request.Method == HttpMethod.Get && request.RequestUri!.Segments.Length == 5;
        if (isOrderRead && Interlocked.Increment(ref _orderReads) == 1 && BeforeFirstOrderRead is { } beforeRead)
        {
            await beforeRead();
        }

        if (isCapture && Interlocked.Increment(ref _captures) == 1)
        {
            if (BeforeFirstCapture is { } before)
            {
                await before();
            }

            if (RefuseFirstCapture)
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden)
                {
                    RequestMessage = request,
                    Content = new StringContent(
                        """{"error_code":"CAPTURE_NOT_ALLOWED","error_messages":["Captured amount is higher than the remaining authorized amount. Capture not possible."],"correlation_id":"test-correlation-1"}""",
                        Encoding.UTF8,
                        "application/json"),
                };
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isCapture && AfterEachCapture is { } after)
        {
            await after(request);
        }

        return response;
    }
}
