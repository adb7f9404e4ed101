namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A fault to inject with <see cref="KlarnaSimulator.InjectFault(SimulatedFault)"/>. Create one with a factory method, then narrow it with <see cref="OnCall"/>, <see cref="OnOperation"/> or <see cref="When"/>.</summary>
/// <remarks>A fault fires once unless <see cref="Always"/> is called. Faults are checked after authentication and rate limiting, in the order they were injected; the first match wins.</remarks>
public sealed partial class SimulatedFault
{
    private readonly Lock _gate = new();
    private int _timesTriggered;

    private SimulatedFault(SimulatedFaultKind kind, TimeSpan duration, bool afterApplying)
    {
        Kind = kind;
        Duration = duration;
        AfterApplying = afterApplying;
    }

    private SimulatedFault(int statusCode, string errorCode, IReadOnlyList<string> errorMessages)
        : this(SimulatedFaultKind.Refuse, TimeSpan.Zero, afterApplying: false)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessages = errorMessages;
    }

    /// <summary>Gets what the fault does.</summary>
    public SimulatedFaultKind Kind { get; }

    /// <summary>Gets the delay of a <see cref="SimulatedFaultKind.Delay"/> fault.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Gets a value indicating whether the operation is applied (and stored under its idempotency key) before the fault acts.</summary>
    public bool AfterApplying { get; }

    /// <summary>Gets the HTTP status a <see cref="SimulatedFaultKind.Refuse"/> fault answers, or 0 for other kinds.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the Klarna <c>error_code</c> a <see cref="SimulatedFaultKind.Refuse"/> fault answers, or <see langword="null"/> for other kinds.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the Klarna <c>error_messages</c> a <see cref="SimulatedFaultKind.Refuse"/> fault answers; empty for other kinds.</summary>
    public IReadOnlyList<string> ErrorMessages { get; } = [];

    /// <summary>Gets the operation the fault is limited to, or <see langword="null"/> for any.</summary>
    public SimulatedOperation? Operation { get; private set; }

    /// <summary>Gets the 1-based call number of <see cref="Operation"/> the fault is limited to, or <see langword="null"/> for any.</summary>
    public int? CallNumber { get; private set; }

    /// <summary>Gets a value indicating whether the fault fires on every match instead of once.</summary>
    public bool IsRepeating { get; private set; }

    /// <summary>Gets how many times the fault has fired.</summary>
    public int TimesTriggered => Volatile.Read(ref _timesTriggered);

    private Func<SimulatedRequest, bool>? Predicate { get; set; }

    /// <summary>Creates a fault that answers 503 <c>TEMPORARILY_UNAVAILABLE</c> without applying the operation.</summary>
    /// <returns>The new fault.</returns>
    public static SimulatedFault FailBeforeApplying() => new(SimulatedFaultKind.FailBeforeApplying, TimeSpan.Zero, afterApplying: false);

    /// <summary>Creates a fault that applies the operation, then drops the response.</summary>
    /// <returns>The new fault.</returns>
    public static SimulatedFault LoseResponseAfterApplying() => new(SimulatedFaultKind.LoseResponseAfterApplying, TimeSpan.Zero, afterApplying: true);

    /// <summary>Creates a fault that waits on the simulator's <see cref="KlarnaSimulatorOptions.TimeProvider"/>, honouring the request's cancellation.</summary>
    /// <param name="duration">How long to wait. With a fake clock, the test must advance it.</param>
    /// <param name="afterApplying"><see langword="true"/> to wait after the operation was applied, so a client timeout loses a committed response.</param>
    /// <returns>The new fault.</returns>
    public static SimulatedFault Delay(TimeSpan duration, bool afterApplying = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new(SimulatedFaultKind.Delay, duration, afterApplying);
    }

    /// <summary>Creates a fault that answers 502 with an HTML body, as a proxy would.</summary>
    /// <param name="afterApplying"><see langword="true"/> when the backend applied the operation before the proxy failed.</param>
    /// <returns>The new fault.</returns>
    public static SimulatedFault MalformedResponse(bool afterApplying = false) => new(SimulatedFaultKind.MalformedResponse, TimeSpan.Zero, afterApplying);

    /// <summary>Creates a fault that answers 409 <c>CONFLICT</c> without applying the operation.</summary>
    /// <returns>The new fault.</returns>
    public static SimulatedFault Conflict() => new(SimulatedFaultKind.Conflict, TimeSpan.Zero, afterApplying: false);

    /// <summary>Creates a fault that applies the operation, then answers 500 <c>INTERNAL_SERVER_ERROR</c>.</summary>
    /// <returns>The new fault.</returns>
    public static SimulatedFault ServerErrorAfterApplying() => new(SimulatedFaultKind.ServerErrorAfterApplying, TimeSpan.Zero, afterApplying: true);

    /// <summary>Limits the fault to the <paramref name="callNumber"/>-th call of <paramref name="operation"/> (counted across merchants, replays included).</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="callNumber">The 1-based call number, for example 2 for "the second capture".</param>
    /// <returns>This fault.</returns>
    public SimulatedFault OnCall(SimulatedOperation operation, int callNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callNumber, 1);
        Operation = operation;
        CallNumber = callNumber;
        return this;
    }

    /// <summary>Limits the fault to calls of <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>This fault.</returns>
    public SimulatedFault OnOperation(SimulatedOperation operation)
    {
        Operation = operation;
        return this;
    }

    /// <summary>Limits the fault to requests matching <paramref name="predicate"/> (merchant, order id, key, path, body).</summary>
    /// <param name="predicate">The condition; combined with any other limit.</param>
    /// <returns>This fault.</returns>
    public SimulatedFault When(Func<SimulatedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Predicate = predicate;
        return this;
    }

    /// <summary>Makes the fault fire on every matching request instead of once.</summary>
    /// <returns>This fault.</returns>
    public SimulatedFault Always()
    {
        IsRepeating = true;
        return this;
    }

    internal bool TryTrigger(SimulatedRequest request, int callNumberOfOperation)
    {
        lock (_gate)
        {
            if (!IsRepeating && _timesTriggered > 0)
            {
                return false;
            }

            if ((Operation is { } op && request.Operation != op)
                || (CallNumber is { } n && n != callNumberOfOperation)
                || (Predicate is { } p && !p(request)))
            {
                return false;
            }

            _timesTriggered++;
            return true;
        }
    }
}
