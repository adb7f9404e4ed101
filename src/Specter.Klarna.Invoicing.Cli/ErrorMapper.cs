using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>Turns every failure into one line and a stable exit code; never a stack trace.</summary>
internal static class ErrorMapper
{
    /// <param name="exception">What went wrong.</param>
    /// <param name="settings">The run's settings (language), if they were read.</param>
    /// <param name="commandWrites">The command writes at Klarna (release, extend): a 409/5xx may have been applied.</param>
    public static (int ExitCode, string Kind, string Message, string? Code) Map(Exception exception, CliSettings? settings, bool commandWrites = true)
    {
        var culture = settings?.Culture;
        if (!commandWrites && exception is KlarnaApiException { } readFailure && FailureTruth.IsServerSide(readFailure.StatusCode))
        {
            exception = FailureTruth.Unreachable(readFailure);
        }

        return exception switch
        {
            CliOutcomeException ex => (ex.ExitCode, ex.Kind, ex.Message, (ex.InnerException as KlarnaApiException)?.ErrorCode),
            CliUsageException ex => (ExitCodes.InvalidInput, "invalid-input", ex.Message, null),
            InvoicingOrderValidationException ex => (ExitCodes.InvalidInput, "invalid-order", "invalid order: " + InvoicingSession.Describe(ex), ex.Errors.Count > 0 ? ex.Errors[0].Code.ToString() : null),
            OptionsValidationException ex => (ExitCodes.InvalidInput, "invalid-configuration", "invalid configuration: " + string.Join(" ", ex.Failures), null),
            KlarnaInvoicingRuleException ex => (
                ForRule(ex.Rule),
                "rule",
                $"refused ({ex.Rule}): {(ex.Violation is { } v ? v.GetMessage(culture) : ex.Message)}",
                ex.Rule?.ToString()),
            KlarnaApiException ex => (
                FailureTruth.IsServerSide(ex.StatusCode) ? ExitCodes.OutcomeUnknown : ExitCodes.KlarnaRefused,
                "klarna",
                ex.Message,
                ex.ErrorCode),
            HttpRequestException or TimeoutRejectedException or TaskCanceledException => (
                ExitCodes.Unexpected,
                "unreachable",
                $"Klarna could not be reached ({exception.GetType().Name}: {exception.Message}); nothing was written, try again later.",
                null),
            _ => (ExitCodes.Unexpected, "unexpected", $"unexpected error ({exception.GetType().Name}): {exception.Message}", null),
        };
    }

    public static int ForRule(KlarnaInvoicingRule? rule) =>
        rule is KlarnaInvoicingRule.InvoiceLocked or KlarnaInvoicingRule.ActivationInProgress ? ExitCodes.Locked : ExitCodes.InvalidInput;

    /// <summary>The exit code of an invoice's or credit's status: a failure Klarna did not answer (the library refused to send
    /// the body, or reconciliation concluded nothing was captured: no HTTP status) is not "Klarna refused" (3) but refused
    /// before Klarna (2).</summary>
    public static int ForStatus(InvoiceActivationStatus status) =>
        status is { State: ActivationState.Failed, Failure.HttpStatus: null } ? ExitCodes.InvalidInput : ForState(status.State);

    public static int ForState(ActivationState state) => state switch
    {
        ActivationState.Activated or ActivationState.NotKlarna => ExitCodes.Ok,
        ActivationState.Failed => ExitCodes.KlarnaRefused,
        _ => ExitCodes.OutcomeUnknown,
    };
}
