namespace Specter.Klarna.Invoicing.Testing;

/// <summary>Faults that hit refunds only (<see cref="SimulatedOperation.CreateRefund"/>), for testing credit invoices: each is one of the general kinds, narrowed to refunds.</summary>
public sealed partial class SimulatedFault
{
    /// <summary>Creates a fault that answers the next refund with 503 <c>TEMPORARILY_UNAVAILABLE</c> without refunding.</summary>
    /// <returns>The new fault, limited to <see cref="SimulatedOperation.CreateRefund"/>.</returns>
    public static SimulatedFault FailRefundBeforeApplying() => FailBeforeApplying().OnOperation(SimulatedOperation.CreateRefund);

    /// <summary>Creates a fault that refunds, then answers 500 <c>INTERNAL_SERVER_ERROR</c>: Klarna has the refund, the client does not know it.</summary>
    /// <returns>The new fault, limited to <see cref="SimulatedOperation.CreateRefund"/>.</returns>
    public static SimulatedFault ServerErrorAfterRefunding() => ServerErrorAfterApplying().OnOperation(SimulatedOperation.CreateRefund);

    /// <summary>Creates a fault that refunds, then holds the answer back for <paramref name="duration"/> on the simulator's clock, so the client's own timeout ends the call after Klarna applied the refund.</summary>
    /// <param name="duration">How long the answer is held; longer than the client's write timeout (with a fake simulator clock that is not advanced, until the request is cancelled).</param>
    /// <returns>The new fault, limited to <see cref="SimulatedOperation.CreateRefund"/>.</returns>
    public static SimulatedFault TimeOutAfterRefunding(TimeSpan duration) => Delay(duration, afterApplying: true).OnOperation(SimulatedOperation.CreateRefund);
}
