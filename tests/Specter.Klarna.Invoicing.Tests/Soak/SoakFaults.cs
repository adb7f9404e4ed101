using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.Tests.Soak;

/// <summary>The faults the simulator cannot make itself, armed per Klarna order (orders run concurrently), and the count of every fault that fired.</summary>
internal sealed class SoakFaults
{
    public const string CrashMessage = "Soak crash: the process died between Klarna's 201 and the ledger write.";

    private readonly ConcurrentDictionary<string, Armed> _armed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _seenCaptureKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _fired = new(StringComparer.Ordinal);

    /// <summary>Gets how often each fault fired, by kind.</summary>
    public IReadOnlyDictionary<string, int> Fired => _fired;

    public Armed For(string klarnaOrderId) => _armed.GetOrAdd(klarnaOrderId, _ => new Armed());

    public void Count(string kind, int times = 1)
    {
        if (times > 0)
        {
            _fired.AddOrUpdate(kind, times, (_, n) => n + times);
        }
    }

    /// <summary>Klarna stores the answer to a key it has seen (a re-send is answered from it), so the first send of a key is told apart from a re-send.</summary>
    public bool IsFirstSend(string key) => _seenCaptureKeys.TryAdd(key, 0);

    /// <summary>One order's armed faults; each fires once, then disarms itself.</summary>
    internal sealed class Armed
    {
        private int _rateLimit;
        private int _refuseFirst;
        private int _refuseResend;
        private int _crash;

        /// <summary>Gets or sets a value indicating whether simulator faults injected for this order may fire (false after the step).</summary>
        public volatile bool SimulatorFaultsOn;

        public void ArmRateLimit() => Volatile.Write(ref _rateLimit, 1);

        public void ArmRefuseFirstSend() => Volatile.Write(ref _refuseFirst, 1);

        public void ArmRefuseResend() => Volatile.Write(ref _refuseResend, 1);

        public void ArmCrash() => Volatile.Write(ref _crash, 1);

        public void DisarmAll()
        {
            SimulatorFaultsOn = false;
            Volatile.Write(ref _rateLimit, 0);
            Volatile.Write(ref _refuseFirst, 0);
            Volatile.Write(ref _refuseResend, 0);
            Volatile.Write(ref _crash, 0);
        }

        public bool TakeRateLimit() => Interlocked.Exchange(ref _rateLimit, 0) == 1;

        public bool TakeRefuseFirstSend() => Interlocked.Exchange(ref _refuseFirst, 0) == 1;

        public bool TakeRefuseResend() => Interlocked.Exchange(ref _refuseResend, 0) == 1;

        public bool TakeCrash() => Interlocked.Exchange(ref _crash, 0) == 1;
    }
}

/// <summary>
/// In front of the simulator, per server: answers a capture with 429 (rate limited, before Klarna applies anything, as the
/// simulator's own limiter does), with Klarna's 403 refusal on a key's first send, or with 401 on a re-send (the
/// credentials were rotated since the first send): all without forwarding it.
/// </summary>
internal sealed class SoakFaultHandler(HttpMessageHandler inner, SoakFaults faults) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method != HttpMethod.Post || !path.EndsWith("/captures", StringComparison.Ordinal)
            || !request.Headers.TryGetValues("Klarna-Idempotency-Key", out var keys))
        {
            return base.SendAsync(request, cancellationToken);
        }

        var orderId = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^2];
        var armed = faults.For(orderId);
        if (armed.TakeRateLimit())
        {
            faults.Count("429 rate limited");
            var limited = Answer(request, (HttpStatusCode)429, """{"error_code":"RATE_LIMITED","error_messages":["Soak: too many requests."],"correlation_id":"soak-429"}""");
            limited.Headers.Add("Retry-After", "1");
            return Task.FromResult(limited);
        }

        bool first = faults.IsFirstSend(keys.First());
        if (first && armed.TakeRefuseFirstSend())
        {
            faults.Count("403 refused (first send)");
            return Task.FromResult(Answer(request, HttpStatusCode.Forbidden, """{"error_code":"CAPTURE_NOT_ALLOWED","error_messages":["Soak: capture not allowed."],"correlation_id":"soak-403"}"""));
        }

        if (!first && armed.TakeRefuseResend())
        {
            faults.Count("401 refused (re-send, credentials rotated)");
            return Task.FromResult(Answer(request, HttpStatusCode.Unauthorized, """{"error_code":"UNAUTHORIZED","error_messages":["Soak: credentials rotated."],"correlation_id":"soak-401"}"""));
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string json) =>
        new(status) { RequestMessage = request, Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

/// <summary>One server's view of the shared ledger: when its order's crash is armed, the next write of an Activated outcome throws, as if the process died after Klarna's 201.</summary>
internal sealed class SoakCrashingLedger(IKlarnaInvoiceLedger inner, SoakFaults faults) : IKlarnaInvoiceLedger
{
    public Task<LedgerAddResult> TryAddAsync(LedgerInvoice invoice, CancellationToken cancellationToken = default) => inner.TryAddAsync(invoice, cancellationToken);

    public Task<LedgerInvoice?> TryUpdateAsync(LedgerInvoice invoice, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (invoice.State == ActivationState.Activated && invoice.KlarnaOrderId is { } id && faults.For(id).TakeCrash())
        {
            faults.Count("crash between 201 and ledger write");
            throw new IOException(SoakFaults.CrashMessage);
        }

        return inner.TryUpdateAsync(invoice, expectedVersion, cancellationToken);
    }

    public Task<bool> TryDeleteAsync(string invoiceNumber, long expectedVersion, CancellationToken cancellationToken = default) => inner.TryDeleteAsync(invoiceNumber, expectedVersion, cancellationToken);

    public Task<LedgerInvoice?> FindAsync(string invoiceNumber, CancellationToken cancellationToken = default) => inner.FindAsync(invoiceNumber, cancellationToken);

    public Task<IReadOnlyList<LedgerInvoice>> GetByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => inner.GetByOrderAsync(orderNumber, cancellationToken);

    public Task<LedgerUnsettledScan> ListUnsettledAsync(CancellationToken cancellationToken = default) => inner.ListUnsettledAsync(cancellationToken);
}
