using System.Net;
using System.Text;

namespace Specter.Klarna.Invoicing.Tests.TestDoubles;

/// <summary>
/// Sits in front of the simulator's handler (<see cref="Wrap"/>): can hold capture requests in flight until released
/// (signalling when one arrives), and can answer chosen capture requests itself (a refusal, an error raised inside the
/// pipeline) without forwarding them.
/// </summary>
internal sealed class CaptureGate
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _release;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<int, HttpRequestMessage, HttpResponseMessage?>? _answer;
    private int _captures;

    /// <summary>Completes when a held capture request has arrived.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Holds every following capture request until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held requests through to the simulator.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _release?.TrySetResult();
            _release = null;
        }
    }

    /// <summary>Answers capture number n (1-based, counted from now on) itself when the function returns a response.</summary>
    public void Answer(Func<int, HttpRequestMessage, HttpResponseMessage?> answer)
    {
        Interlocked.Exchange(ref _captures, 0);
        _answer = answer;
    }

    public static HttpResponseMessage Refusal(HttpStatusCode status, string errorCode, string message) => new(status)
    {
        Content = new StringContent($$"""{"error_code":"{{errorCode}}","error_messages":["{{message}}"],"correlation_id":"gate-{{Guid.NewGuid():N}}"}""", Encoding.UTF8, "application/json"),
    };

    /// <summary>The handler the HTTP client factory builds around the simulator's.</summary>
    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new GateHandler(this, inner);

    private async Task<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/captures", StringComparison.Ordinal))
        {
            int n = Interlocked.Increment(ref _captures);
            if (_answer?.Invoke(n, request) is { } answered)
            {
                return answered;
            }

            Task? held;
            lock (_gate)
            {
                held = _release?.Task;
                _arrived.TrySetResult();
            }

            if (held is not null)
            {
                await held.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private sealed class GateHandler(CaptureGate gate, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            await gate.BeforeAsync(request, cancellationToken).ConfigureAwait(false)
            ?? await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
