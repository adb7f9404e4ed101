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

    /// <summary>Refuse the operation as Klarna does, without applying it: the given status, <c>error_code</c> and <c>error_messages</c>, and a fresh <c>correlation_id</c>.</summary>
    Refuse,

    /// <summary>Cancel the order "at Klarna" just before the operation is applied, so Klarna's own rules refuse it (a capture gets 403 <c>CAPTURE_NOT_ALLOWED</c>).</summary>
    CancelOrderBeforeApplying,

    /// <summary>Let the order's authorization expire "at Klarna" just before the operation is applied, so Klarna's own rules refuse it.</summary>
    ExpireOrderBeforeApplying,
}
