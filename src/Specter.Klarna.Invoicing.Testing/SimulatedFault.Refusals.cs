namespace Specter.Klarna.Invoicing.Testing;

/// <summary>The faults that make Klarna refuse, definitely: an error answer, or an order changed "at Klarna" between the client's read and its write.</summary>
public sealed partial class SimulatedFault
{
    /// <summary>Creates a fault that refuses the request as Klarna does, without applying it: <paramref name="statusCode"/> with a Klarna error body.</summary>
    /// <remarks>Narrow it with <see cref="OnOperation"/>, for example <c>Refuse(403, "CAPTURE_NOT_ALLOWED", "Capture not allowed.").OnOperation(SimulatedOperation.CreateCapture)</c>.
    /// A refusal is definite, so it is stored under the request's idempotency key like any other answer: a retry with the same key gets the same refusal.</remarks>
    /// <param name="statusCode">A 4xx status, for example 403 or 401.</param>
    /// <param name="errorCode">Klarna's <c>error_code</c>, for example <c>CAPTURE_NOT_ALLOWED</c>.</param>
    /// <param name="errorMessages">Klarna's <c>error_messages</c>, in the order given.</param>
    /// <returns>The new fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not a 4xx status.</exception>
    public static SimulatedFault Refuse(int statusCode, string errorCode, params string[] errorMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 499);
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentNullException.ThrowIfNull(errorMessages);
        return new(statusCode, errorCode, [.. errorMessages]);
    }

    /// <summary>Creates a fault that refuses the next capture with 403 <c>CAPTURE_NOT_ALLOWED</c> and <paramref name="message"/>, without applying it.</summary>
    /// <param name="message">Klarna's error message.</param>
    /// <returns>The new fault, limited to <see cref="SimulatedOperation.CreateCapture"/>.</returns>
    public static SimulatedFault RefuseCapture(string message = "Capture not allowed.") =>
        Refuse(403, "CAPTURE_NOT_ALLOWED", message).OnOperation(SimulatedOperation.CreateCapture);

    /// <summary>Creates a fault that refuses the next refund with 403 <c>REFUND_NOT_ALLOWED</c> and <paramref name="message"/>, without applying it.</summary>
    /// <param name="message">Klarna's error message.</param>
    /// <returns>The new fault, limited to <see cref="SimulatedOperation.CreateRefund"/>.</returns>
    public static SimulatedFault RefuseRefund(string message = "Refund not allowed.") =>
        Refuse(403, "REFUND_NOT_ALLOWED", message).OnOperation(SimulatedOperation.CreateRefund);

    /// <summary>Creates a fault that answers the next request with 401 <c>UNAUTHORIZED</c>, as Klarna does for credentials it no longer accepts.</summary>
    /// <returns>The new fault; narrow it with <see cref="OnOperation"/>.</returns>
    public static SimulatedFault RefuseCredentials() => Refuse(401, "UNAUTHORIZED", "Invalid credentials.");

    /// <summary>Creates a fault that cancels the request's order "at Klarna" just before the request is applied, as a merchant-portal user would between the library's read and its write.</summary>
    /// <remarks>The request then meets Klarna's own rules: a capture gets 403 <c>CAPTURE_NOT_ALLOWED</c> with the simulator's message for a cancelled order.
    /// Usually narrowed with <c>.OnOperation(SimulatedOperation.CreateCapture)</c>. An order with captures cannot be cancelled at Klarna; it is closed instead.</remarks>
    /// <returns>The new fault.</returns>
    public static SimulatedFault CancelOrderBeforeApplying() => new(SimulatedFaultKind.CancelOrderBeforeApplying, TimeSpan.Zero, afterApplying: false);

    /// <summary>Creates a fault that lets the request's order expire "at Klarna" just before the request is applied (its authorization runs out between the library's read and its write).</summary>
    /// <remarks>The request then meets Klarna's own rules: a capture gets 403 <c>CAPTURE_NOT_ALLOWED</c>.</remarks>
    /// <returns>The new fault.</returns>
    public static SimulatedFault ExpireOrderBeforeApplying() => new(SimulatedFaultKind.ExpireOrderBeforeApplying, TimeSpan.Zero, afterApplying: false);
}
