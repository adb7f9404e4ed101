using System.CommandLine;

namespace Specter.Klarna.Invoicing.Cli.Parsing;

/// <summary>
/// The tool's commands and options as a System.CommandLine tree: it gives per-command <c>--help</c>, the <c>[suggest]</c>
/// directive for shell completion (dotnet-suggest) and a structured parse result; <see cref="ParseErrorMessages"/> turns
/// its errors into one line that never repeats a value.
/// </summary>
internal static class CliCommandTree
{
    public const string PasswordStdin = "--password-stdin";

    public static RootCommand Build()
    {
        var root = new RootCommand("klarna-invoicing — invoice Klarna orders with Specter.Klarna.Invoicing. Without a command: the demo.")
        {
            Lang(),
        };
        root.SetAction(static _ => 0);
        root.Add(Command("demo", "The story against an embedded Klarna simulator and a temporary ledger (about 2 s).", [Lang()], common: false));
        root.Add(Command("propose", "Shows the proposed invoice (type, lines, VAT, what will be captured, warnings). Writes nothing.", [Order(), Type(), Percent()]));
        root.Add(Command("invoice", "Creates the invoice: records it, captures at Klarna, records the outcome.", [Order(), InvoiceNumber(), Type(), Percent(), Value("--description", "TEXT", "Capture description at Klarna.")]));
        root.Add(Command("status", "The Klarna icon of an invoice: status, locked or not, amount, tooltip. Reads only the ledger.", [InvoiceNumber()]));
        root.Add(Command("recover", "Settles every pending/unknown activation (same key within 23 h, else by reading Klarna's captures).", []));
        root.Add(Command("propose-credit", "Shows what a credit would refund per VAT rate and what is left on the invoice and the order (options as for credit). Writes and sends nothing.", CreditOptions()));
        root.Add(Command("credit", "Creates a credit invoice against an activated invoice and refunds it at Klarna exactly once (everything left, --lines or --amount with --vat-rate).", CreditOptions()));
        root.Add(Command("update-authorization", "Changes the Klarna reservation to the order as it is now (new amount and lines), once.", [Order()]));
        root.Add(Command("cancel", "Cancels the Klarna order (only while nothing is captured).", [KlarnaOrderId()]));
        root.Add(Command("order", "Klarna's view of an order: status, amounts, expiry, captures.", [KlarnaOrderId()]));
        root.Add(Command("release", "Releases the remaining authorization at Klarna.", [KlarnaOrderId()]));
        root.Add(Command("extend", "Extends the authorization time at Klarna.", [KlarnaOrderId()]));
        root.Add(Command("invoice-all", "Invoices every *.json order file of a folder, a few at a time, with progress and a summary.", [
            Value("--orders", "DIR", "Folder of order files (*.json), invoiced in ordinal file-name order."),
            Value("--first-invoice-number", "N", "Number the files N, N+1, … (default: each file's name is its invoice number)."),
            Type(),
            Percent(),
            Value("--concurrency", "N", "How many orders are invoiced at once (1–16, default 4); orders of one Klarna order run one after another."),
        ]));
        root.Add(Command("payouts", "Imports Klarna's payouts of a period (payment markings into the ledger) and lists them with their balance check.", [
            Value("--from", "DATE", "First payout date (YYYY-MM-DD, UTC; or an ISO 8601 date-time)."),
            Value("--to", "DATE", "Last payout date, inclusive (YYYY-MM-DD = through 23:59:59 UTC; or an ISO 8601 date-time)."),
        ]));
        root.Add(Command("reconcile", "One payout: its payment markings, booking lines (fees, corrections …) and the balance check against the bank amount.", [
            Value("--payment-reference", "REF", "The payout's payment reference (on the bank statement)."),
        ]));
        root.Add(Command("simulator", "Runs the Klarna simulator on loopback until Ctrl+C, reserving the orders of a folder.", [Value("--orders", "DIR", "Order files to reserve.")]));
        root.Add(Command("help", "Shows this help.", [], common: false));
        root.Add(Command("version", "Shows the tool's version.", [], common: false));
        return root;
    }

    private static Command Command(string name, string description, Option[] specific, bool common = true)
    {
        var command = new Command(name, description);
        foreach (var option in specific)
        {
            command.Add(option);
        }

        if (common)
        {
            foreach (var option in CommonOptions())
            {
                command.Add(option);
            }
        }

        command.SetAction(static _ => 0);
        return command;
    }

    private static IEnumerable<Option> CommonOptions() =>
    [
        Value("--ledger", "PATH", $"The ledger file (SQLite). Default ./{CliSettings.DefaultLedgerPath}."),
        Value("--environment", "NAME", "playground (default) or production.", "playground", "production"),
        Value("--region", "NAME", "eu (default), na or oc.", "eu", "na", "oc"),
        Value("--base-url", "URL", "Another Klarna address: https on a Klarna host, or http on loopback (simulators)."),
        Value("--merchant", "NAME", $"Merchant profile name (default \"{CliSettings.DefaultMerchant}\")."),
        Value("--username", "NAME", $"Klarna API username (or {CliSettings.UsernameVariable})."),
        Flag(PasswordStdin, $"Read the password or API key from the first line of stdin (else {CliSettings.PasswordVariable}, else a prompt on a terminal)."),
        Flag("--allow-prepayment-capture", "Allow prepayment captures for this merchant profile."),
        Flag("--json", "Machine-readable JSON on stdout."),
        Lang(),
    ];

    private static Option[] CreditOptions() =>
    [
        InvoiceNumber(),
        Value("--credit-number", "C", "The credit invoice's number (also Klarna's refund reference); optional for propose-credit."),
        Value("--lines", "FILE", "The lines to credit: a JSON array of {\"orderLineId\": \"1\", \"quantity\": 2}."),
        Value("--amount", "X", "A price reduction including VAT, in the invoice's currency (with --vat-rate)."),
        Value("--vat-rate", "R", "The VAT rate in percent of --amount, for example 25."),
        Value("--description", "TEXT", "Refund description at Klarna."),
    ];

    private static Option<string> Order() => Value("--order", "FILE", "The order file (JSON, see docs/cli.md).");

    private static Option<string> InvoiceNumber() => Value("--invoice-number", "N", "The invoice number (also Klarna's capture reference).");

    private static Option<string> KlarnaOrderId() => Value("--klarna-order-id", "ID", "Klarna's order id.");

    private static Option<string> Type() => Value("--type", "TYPE", "delivery, final or prepayment (default: the proposed type).", "delivery", "final", "prepayment");

    private static Option<string> Percent() => Value("--percent", "N", "Prepayment percent in (0, 100]; alone it means --type prepayment.");

    private static Option<string> Lang() => Value("--lang", "sv|en", "Language of the output (default sv).", "sv", "en");

    private static Option<string> Value(string name, string helpName, string description, params string[] completions)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        if (completions.Length > 0)
        {
            option.CompletionSources.Add(completions);
        }

        return option;
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };
}
