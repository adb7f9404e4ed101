namespace Specter.Klarna.Invoicing;

/// <summary>What a recovery run settled.</summary>
public sealed record RecoveryReport
{
    /// <summary>Gets how many unsettled invoices were examined.</summary>
    public int Examined { get; init; }

    /// <summary>Gets the invoices whose state changed, with their new status.</summary>
    public IReadOnlyList<InvoiceActivationStatus> Settled { get; init; } = [];

    /// <summary>Gets the invoices recovery could not settle in this run, and why (they stay unsettled and are tried again).</summary>
    public IReadOnlyList<RecoveryError> Errors { get; init; } = [];

    /// <summary>Gets how many invoices are still unsettled after the run.</summary>
    public int StillUnsettled { get; init; }
}
