using System.Net;
using Polly.Timeout;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>
/// After creating an invoice failed with a transport error, a Klarna 409/5xx or Ctrl+C, the ledger says what happened:
/// an invoice left <c>Pending</c>/<c>Unknown</c> means a capture may have reached Klarna (exit 4: run recover); no invoice
/// means nothing was written (exit 1: Klarna unreachable, or cancelled, try again). Guessing from the exception alone
/// would call a 5xx on the order read "outcome unknown" and a Ctrl+C during the capture "nothing written".
/// </summary>
internal static class FailureTruth
{
    public static bool Applies(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => cancellationToken.IsCancellationRequested || exception is TaskCanceledException,
        KlarnaApiException api => IsServerSide(api.StatusCode),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>Returns the exception to report: an explained outcome, or the original when the ledger cannot be read.</summary>
    public static async Task<Exception> ExplainAsync(Exception exception, IKlarnaInvoicing invoicing, string invoiceNumber, CancellationToken cancellationToken)
    {
        InvoiceActivationStatus? stored;
        try
        {
            // The run may be cancelled already: this read must still happen.
            stored = await invoicing.GetActivationStatusAsync(invoiceNumber, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return exception;
        }

        bool cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
        string cause = cancelled ? "cancelled (Ctrl+C)" : Cause(exception);
        if (stored is { State: ActivationState.Pending or ActivationState.Unknown })
        {
            return new CliOutcomeException(
                ExitCodes.OutcomeUnknown,
                "outcome-unknown",
                $"{cause} while the capture of invoice {invoiceNumber} was on its way: the invoice is {stored.State} and Klarna may have captured. "
                + "Do not retry by hand: run 'klarna-invoicing recover'.",
                exception);
        }

        if (stored is null)
        {
            return cancelled
                ? new CliOutcomeException(ExitCodes.Unexpected, "cancelled", $"cancelled before anything was written; invoice {invoiceNumber} was not created.", exception)
                : Unreachable(exception);
        }

        return exception;
    }

    /// <summary>Klarna failed on a call that writes nothing (reading an order): nothing was written, try again.</summary>
    public static CliOutcomeException Unreachable(Exception exception) =>
        new(ExitCodes.Unexpected, "unreachable", $"Klarna unreachable ({Cause(exception)}): nothing was written; try again later.", exception);

    public static bool IsServerSide(HttpStatusCode status) => status == HttpStatusCode.Conflict || (int)status >= 500;

    private static string Cause(Exception exception) => exception switch
    {
        KlarnaApiException api => $"HTTP {(int)api.StatusCode}{(api.ErrorCode is { } code ? " " + code : string.Empty)}",
        _ => exception.GetType().Name + ": " + exception.Message,
    };
}
