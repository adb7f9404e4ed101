namespace Specter.Klarna.Invoicing.Cli;

/// <summary>The tool's exit codes. Stable: scripts branch on them (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done: activated at Klarna, or nothing had to be sent to Klarna (no reservation, invoice nets to zero).</summary>
    public const int Ok = 0;

    /// <summary>An unexpected error, or Klarna could not be reached before anything was written; nothing was written, try again.</summary>
    public const int Unexpected = 1;

    /// <summary>Invalid input, or refused by an invoicing rule before anything was written or sent; also an invoice or credit recorded
    /// <c>Failed</c> without Klarna refusing it (the library refused to send the body, or reconciliation found nothing at Klarna).</summary>
    public const int InvalidInput = 2;

    /// <summary>Klarna refused (it answered with an error); its error code and messages are printed.</summary>
    public const int KlarnaRefused = 3;

    /// <summary>The outcome is not known (timeout, lost answer, 5xx); settle it with <c>recover</c>, do not retry by hand.</summary>
    public const int OutcomeUnknown = 4;

    /// <summary>The invoice is locked (activated) or an activation is in progress.</summary>
    public const int Locked = 5;

    /// <summary>A payout does not balance: its markings and booking lines differ from the settlement amount (the difference and the unmatched transactions are printed; what did match is recorded).</summary>
    public const int Unbalanced = 6;
}
