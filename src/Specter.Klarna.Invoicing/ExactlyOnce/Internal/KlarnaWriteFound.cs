namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>A write's result as Klarna holds it, found by its reference.</summary>
/// <param name="Id">Klarna's id of the capture or refund.</param>
/// <param name="KlarnaReference">Klarna's customer-facing reference, if any.</param>
/// <param name="At">When Klarna made it, if known.</param>
/// <param name="Amount">The amount Klarna holds under the reference, in minor units.</param>
/// <param name="RecordedAmount">The amount the ledger recorded for the write, in minor units.</param>
internal sealed record KlarnaWriteFound(string Id, string? KlarnaReference, DateTimeOffset? At, long Amount, long RecordedAmount)
{
    /// <summary>Gets whether Klarna holds the recorded amount; when not, someone else used the reference and no machine may settle it.</summary>
    public bool MatchesAmount => Amount == RecordedAmount;
}
