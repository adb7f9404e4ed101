using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>propose, invoice, status and recover.</summary>
internal static class InvoiceCommands
{
    public static async Task<int> ProposeAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var order = InvoicingSession.ReadOrder(command.Require("--order"), settings.Merchant);
        var (type, percent) = TypeAndPercent.Parse(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var proposal = await session.Invoicing.ProposeAsync(order, new InvoiceProposalRequest { Type = type, PrepaymentPercent = percent }, context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => context.Views(settings).Proposal(proposal), () => JsonViews.Proposal(proposal, settings.Culture));
            if (proposal.CanCreate)
            {
                return ExitCodes.Ok;
            }

            return proposal.Violations.Select(v => ErrorMapper.ForRule(v.Rule)).DefaultIfEmpty(ExitCodes.InvalidInput).Max();
        }
    }

    public static async Task<int> InvoiceAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var order = InvoicingSession.ReadOrder(command.Require("--order"), settings.Merchant);
        string invoiceNumber = command.Require("--invoice-number");
        var (type, percent) = TypeAndPercent.Parse(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            InvoiceResult result;
            try
            {
                result = await session.Invoicing.CreateInvoiceAsync(
                    order,
                    new CreateInvoiceRequest { InvoiceNumber = invoiceNumber, Type = type, PrepaymentPercent = percent, Description = command.Get("--description") },
                    context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (FailureTruth.Applies(ex, context.CancellationToken))
            {
                throw await FailureTruth.ExplainAsync(ex, session.Invoicing, invoiceNumber, context.CancellationToken).ConfigureAwait(false);
            }

            context.Emit(settings, () => context.Views(settings).Result(result), () => JsonViews.Result(result, settings.Culture));
            return ErrorMapper.ForStatus(result.Status);
        }
    }

    public static async Task<int> StatusAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string invoiceNumber = command.Require("--invoice-number");
        var session = await context.OpenSessionAsync(settings, readsLedgerOnly: true).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var status = await session.Invoicing.GetActivationStatusAsync(invoiceNumber, context.CancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException($"invoice {invoiceNumber} is not in the ledger {settings.LedgerPath}.");
            context.Emit(settings, () => context.Views(settings).Status(status), () => JsonViews.Status(status, settings.Culture));
            return ErrorMapper.ForStatus(status);
        }
    }

    public static async Task<int> RecoverAsync(CliSettings settings, CliContext context)
    {
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            int open = await session.CountUnsettledAsync(context.CancellationToken).ConfigureAwait(false);
            var report = await RecoveryProgress.RunAsync(
                context,
                settings,
                open,
                () => session.CountUnsettledAsync(context.CancellationToken),
                () => session.Invoicing.RecoverAsync(context.CancellationToken)).ConfigureAwait(false);
            context.Emit(settings, () => context.Views(settings).Recovery(report), () => JsonViews.Recovery(report, settings.Culture));
            return report.StillUnsettled > 0 ? ExitCodes.OutcomeUnknown : ExitCodes.Ok;
        }
    }
}
