using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>propose-credit, credit, cancel and update-authorization: the ways back (docs/corrections.md).</summary>
internal static class CorrectionCommands
{
    public static async Task<int> ProposeCreditAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string invoiceNumber = command.Require("--invoice-number");
        string? creditNumber = command.Get("--credit-number");
        var (lines, amount) = CreditSelection.Parse(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var amounts = await AmountsAsync(session.Invoicing, invoiceNumber, amount, context.CancellationToken).ConfigureAwait(false);
            var proposal = await session.Invoicing.ProposeCreditAsync(
                new CreditProposalRequest { InvoiceNumber = invoiceNumber, Lines = lines, Amounts = amounts },
                context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => context.Views(settings).CreditProposal(proposal, creditNumber), () => JsonViews.CreditProposal(proposal, creditNumber, settings.Culture));
            return proposal.CanCreate
                ? ExitCodes.Ok
                : proposal.Violations.Select(v => ErrorMapper.ForRule(v.Rule)).DefaultIfEmpty(ExitCodes.InvalidInput).Max();
        }
    }

    public static async Task<int> CreditAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string invoiceNumber = command.Require("--invoice-number");
        string creditNumber = command.Require("--credit-number");
        var (lines, amount) = CreditSelection.Parse(command);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var ct = context.CancellationToken;
            var amounts = await AmountsAsync(session.Invoicing, invoiceNumber, amount, ct).ConfigureAwait(false);
            var result = await session.Invoicing.CreateCreditAsync(
                new CreateCreditRequest { InvoiceNumber = invoiceNumber, CreditNumber = creditNumber, Lines = lines, Amounts = amounts, Description = command.Get("--description") },
                ct).ConfigureAwait(false);
            var shown = new InvoiceResult { Plan = result.Plan, Status = result.Status };
            context.Emit(settings, () => context.Views(settings).Result(shown), () => JsonViews.Result(shown, settings.Culture));
            return ErrorMapper.ForStatus(result.Status);
        }
    }

    public static async Task<int> UpdateAuthorizationAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        var order = InvoicingSession.ReadOrder(command.Require("--order"), settings.Merchant);
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var updated = await session.Invoicing.UpdateReservationAsync(order, context.CancellationToken).ConfigureAwait(false);
            context.Emit(settings, () => context.Views(settings).KlarnaOrder(updated), () => JsonViews.KlarnaOrder(updated));
            return ExitCodes.Ok;
        }
    }

    /// <summary>--amount is in the invoice's currency: the proposal of the whole credit names it.</summary>
    private static async Task<IReadOnlyList<CreditAmountRequest>?> AmountsAsync(IKlarnaInvoicing invoicing, string invoiceNumber, (decimal Amount, decimal VatRate)? amount, CancellationToken ct)
    {
        if (amount is not { } a)
        {
            return null;
        }

        var currency = (await invoicing.ProposeCreditAsync(new CreditProposalRequest { InvoiceNumber = invoiceNumber }, ct).ConfigureAwait(false)).LeftOnInvoice.Currency;
        var money = Money.TryFromMajorUnitsExact(a.Amount, currency, out var exact)
            ? exact
            : throw new CliUsageException($"--amount {a.Amount} has more decimals than {currency.Code} allows.");
        return [new CreditAmountRequest(a.VatRate, money)];
    }
}
