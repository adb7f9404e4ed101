using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>order, cancel, release and extend: the Klarna reservation itself.</summary>
internal static class ReservationCommands
{
    public static async Task<int> RunAsync(ParsedCommand command, CliSettings settings, CliContext context)
    {
        string id = command.Require("--klarna-order-id");
        var session = await context.OpenSessionAsync(settings).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var invoicing = session.Invoicing;
            var ct = context.CancellationToken;
            KlarnaOrder order;
            switch (command.Name)
            {
                case "release":
                    await invoicing.ReleaseRemainingAuthorizationAsync(null, id, ct).ConfigureAwait(false);
                    order = await invoicing.GetKlarnaOrderAsync(null, id, ct).ConfigureAwait(false);
                    break;
                case "cancel":
                    await invoicing.CancelReservationAsync(null, id, ct).ConfigureAwait(false);
                    order = await invoicing.GetKlarnaOrderAsync(null, id, ct).ConfigureAwait(false);
                    break;
                case "extend":
                    order = await invoicing.ExtendReservationAsync(null, id, ct).ConfigureAwait(false);
                    break;
                default:
                    order = await invoicing.GetKlarnaOrderAsync(null, id, ct).ConfigureAwait(false);
                    break;
            }

            context.Emit(settings, () => context.Views(settings).KlarnaOrder(order), () => JsonViews.KlarnaOrder(order));
            return ExitCodes.Ok;
        }
    }
}
