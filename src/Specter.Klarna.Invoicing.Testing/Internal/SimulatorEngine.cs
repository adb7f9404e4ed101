using System.Globalization;
using System.Text;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>
/// The request pipeline shared by the handler and the server:
/// record → authenticate → route → rate limit → fault (before) → idempotent apply → fault (after).
/// </summary>
internal sealed class SimulatorEngine(SimulatorState state)
{
    private readonly OrderOperations _operations = new(state);
    private readonly SettlementsOperations _settlements = new(state);
    private long _sequence;

    public async Task<SimHttpResponse> ProcessAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        var route = Route.Parse(request.Method, request.Uri.AbsolutePath);
        var (username, password) = BasicCredentials.Parse(Header(request, "Authorization"));
        var key = Header(request, "Klarna-Idempotency-Key");
        var recorded = Record(request, route, username, key);

        if (username is null || password is null
            || !state.Merchants.TryGetValue(username, out var expected)
            || !string.Equals(expected, password, StringComparison.Ordinal))
        {
            return ErrorResponses.Create(401, "UNAUTHORIZED", ["Invalid credentials."], new KeyValuePair<string, string>("WWW-Authenticate", "Basic realm=\"Klarna\""));
        }

        if (route.Operation is not { } operation)
        {
            return ErrorResponses.Create(404, "NOT_FOUND", $"No such resource: {request.Method} {request.Uri.AbsolutePath}");
        }

        if (route.MethodMismatch)
        {
            return ErrorResponses.Create(405, "METHOD_NOT_ALLOWED", $"Method {request.Method} is not allowed on {request.Uri.AbsolutePath}");
        }

        // The rate limiter runs before idempotency, so a 429 is never stored under the key.
        if (!state.RateLimiter.TryAcquire(username, out var retryAfter, out _))
        {
            return ErrorResponses.Create(
                429,
                "TOO_MANY_REQUESTS",
                ["Too many requests"],
                new KeyValuePair<string, string>("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("X-Ratelimit-Remaining", "0"));
        }

        var callNumber = Interlocked.Increment(ref state.CallCounters[(int)operation]);
        var fault = FindFault(recorded, callNumber);
        var storable = key is not null && (request.Method is "POST" or "PATCH");

        if (fault is { AfterApplying: false })
        {
            switch (fault.Kind)
            {
                case SimulatedFaultKind.FailBeforeApplying:
                    var unavailable = ErrorResponses.TemporarilyUnavailable();
                    if (storable && state.Options.StoreInjectedServerErrors)
                    {
                        lock (state.Gate)
                        {
                            if (state.Idempotency.TryGet(username, key!, out var first))
                            {
                                return first;
                            }

                            state.Idempotency.Store(username, key!, unavailable);
                        }
                    }

                    return unavailable;
                case SimulatedFaultKind.Conflict:
                    return ErrorResponses.Conflict();
                case SimulatedFaultKind.MalformedResponse:
                    return ErrorResponses.ProxyBadGateway();
                case SimulatedFaultKind.Delay:
                    await Task.Delay(fault.Duration, state.Time, cancellationToken).ConfigureAwait(false);
                    break;
                case SimulatedFaultKind.Refuse:
                    return Refuse(fault, storable ? key : null, username);
                case SimulatedFaultKind.CancelOrderBeforeApplying or SimulatedFaultKind.ExpireOrderBeforeApplying:
                    lock (state.Gate)
                    {
                        OutOfBandChanges.Apply(state, fault.Kind, route.OrderId, username);
                    }

                    break;
            }
        }

        SimHttpResponse response;
        lock (state.Gate)
        {
            if (storable && state.Idempotency.TryGet(username, key!, out var stored))
            {
                response = stored;
            }
            else
            {
                response = route.IsSettlements
                    ? _settlements.Apply(operation, route, request, username)
                    : _operations.Apply(operation, route, request, username, storable ? key : null);
                if (storable)
                {
                    state.Idempotency.Store(username, key!, response);
                }
            }
        }

        if (fault is { AfterApplying: true })
        {
            switch (fault.Kind)
            {
                case SimulatedFaultKind.LoseResponseAfterApplying:
                    return SimHttpResponse.Aborted();
                case SimulatedFaultKind.ServerErrorAfterApplying:
                    var error = ErrorResponses.InternalServerError();
                    if (storable && state.Options.StoreInjectedServerErrors)
                    {
                        lock (state.Gate)
                        {
                            state.Idempotency.Replace(username, key!, error);
                        }
                    }

                    return error;
                case SimulatedFaultKind.MalformedResponse:
                    return ErrorResponses.ProxyBadGateway();
                case SimulatedFaultKind.Delay:
                    await Task.Delay(fault.Duration, state.Time, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        return response;
    }

    // A refusal is a definite answer: like every answer to a keyed write, it is replayed for the same key.
    private SimHttpResponse Refuse(SimulatedFault fault, string? key, string username)
    {
        var refusal = ErrorResponses.Create(fault.StatusCode, fault.ErrorCode!, fault.ErrorMessages);
        if (key is null)
        {
            return refusal;
        }

        lock (state.Gate)
        {
            if (state.Idempotency.TryGet(username, key, out var first))
            {
                return first;
            }

            state.Idempotency.Store(username, key, refusal);
        }

        return refusal;
    }

    private static string? Header(SimHttpRequest request, string name)
    {
        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    private SimulatedFault? FindFault(SimulatedRequest request, int callNumber)
    {
        SimulatedFault[] faults;
        lock (state.Faults)
        {
            faults = [.. state.Faults];
        }

        return faults.FirstOrDefault(f => f.TryTrigger(request, callNumber));
    }

    private SimulatedRequest Record(SimHttpRequest request, Route route, string? username, string? key)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            // Never keep credentials: the username is recorded separately.
            if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = headers.TryGetValue(header.Key, out var existing) ? existing + ", " + header.Value : header.Value;
            }
        }

        var recorded = new SimulatedRequest(
            Interlocked.Increment(ref _sequence),
            request.Method,
            request.Uri.AbsolutePath,
            headers,
            Encoding.UTF8.GetString(request.Body),
            username,
            route.OrderId,
            route.Operation,
            key);
        lock (state.Requests)
        {
            state.Requests.Add(recorded);
        }

        return recorded;
    }
}
