using System.Globalization;
using Specter.Klarna.Invoicing.Cli.Secrets;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>The common options of every command, read from the command line and the environment.</summary>
internal sealed record CliSettings
{
    public const string DefaultLedgerPath = "klarna-invoicing.db";
    public const string DefaultMerchant = "default";
    public const string UsernameVariable = "KLARNA_USERNAME";
    public const string PasswordVariable = "KLARNA_PASSWORD";

    public required bool Swedish { get; init; }

    public bool Json { get; init; }

    public string LedgerPath { get; init; } = DefaultLedgerPath;

    public KlarnaEnvironment Environment { get; init; }

    public KlarnaRegion Region { get; init; }

    public Uri? BaseUrl { get; init; }

    public string Merchant { get; init; } = DefaultMerchant;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool AllowPrepaymentCapture { get; init; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Swedish ? "sv-SE" : "en-GB");

    /// <summary>Picks the Swedish or the English text.</summary>
    public string T(string swedish, string english) => Swedish ? swedish : english;

    public static bool ParseSwedish(ParsedCommand command) => command.Get("--lang") switch
    {
        null => true,
        var l when l.Equals("sv", StringComparison.OrdinalIgnoreCase) => true,
        var l when l.Equals("en", StringComparison.OrdinalIgnoreCase) => false,
        var l => throw new CliUsageException($"unknown language '{l}'; use sv or en."),
    };

    public static CliSettings From(ParsedCommand command, Func<string, string?> environment, TextReader input)
    {
        var settings = new CliSettings
        {
            Swedish = ParseSwedish(command),
            Json = command.HasFlag("--json"),
            LedgerPath = command.Get("--ledger") ?? DefaultLedgerPath,
            Environment = command.Get("--environment") switch
            {
                null => KlarnaEnvironment.Playground,
                var e when e.Equals("playground", StringComparison.OrdinalIgnoreCase) => KlarnaEnvironment.Playground,
                var e when e.Equals("production", StringComparison.OrdinalIgnoreCase) => KlarnaEnvironment.Production,
                var e => throw new CliUsageException($"unknown environment '{e}'; use playground or production."),
            },
            Region = command.Get("--region") switch
            {
                null => KlarnaRegion.Europe,
                var r when r.Equals("eu", StringComparison.OrdinalIgnoreCase) => KlarnaRegion.Europe,
                var r when r.Equals("na", StringComparison.OrdinalIgnoreCase) => KlarnaRegion.NorthAmerica,
                var r when r.Equals("oc", StringComparison.OrdinalIgnoreCase) => KlarnaRegion.Oceania,
                var r => throw new CliUsageException($"unknown region '{r}'; use eu, na or oc."),
            },
            BaseUrl = command.Get("--base-url") is { } url
                ? Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                    ? uri
                    : throw new CliUsageException($"--base-url '{url}' is not an absolute http(s) URL.")
                : null,
            Merchant = command.Get("--merchant") ?? DefaultMerchant,
            Username = command.Get("--username") ?? NullIfEmpty(environment(UsernameVariable)),
            Password = PasswordSource.FromStdinOrEnvironment(command.HasFlag(CliCommandTree.PasswordStdin), input, environment),
            AllowPrepaymentCapture = command.HasFlag("--allow-prepayment-capture"),
        };
        return settings;
    }

    /// <summary>Commands that talk to Klarna need a password or API key; checked before anything else happens.</summary>
    public void RequireCredentials()
    {
        if (string.IsNullOrEmpty(Password))
        {
            throw new CliUsageException(
                $"Klarna credentials are missing: set {UsernameVariable} and {PasswordVariable} (or {PasswordVariable} alone to an API key), "
                + $"or pipe the password with {CliCommandTree.PasswordStdin}.");
        }
    }

    // Never print credentials: a record's generated ToString would.
    public override string ToString() => $"CliSettings {{ Environment = {Environment}, Region = {Region}, Merchant = {Merchant} }}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
