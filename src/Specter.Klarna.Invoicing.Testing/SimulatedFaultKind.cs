namespace Specter.Klarna.Invoicing.Testing;

/// <summary>What an injected fault does.</summary>
public enum SimulatedFaultKind
{
    /// <summary>Answer 503 <c>TEMPORARILY_UNAVAILABLE</c> without applying the operation.</summary>
    FailBeforeApplying,

    /// <summary>Apply the operation (and store it under the idempotency key), then drop the response: the handler throws <see cref="HttpRequestException"/>, the server aborts the connection.</summary>
    LoseResponseAfterApplying,

    /// <summary>Wait, honouring cancellation, before or after applying.</summary>
    Delay,

    /// <summary>Answer a 502 with an HTML body, as a proxy in front of Klarna would, before or after applying.</summary>
    MalformedResponse,

    /// <summary>Answer 409 <c>CONFLICT</c> without applying the operation.</summary>
    Conflict,

    /// <summary>Apply the operation, then answer 500 <c>INTERNAL_SERVER_ERROR</c>.</summary>
    ServerErrorAfterApplying,
}
