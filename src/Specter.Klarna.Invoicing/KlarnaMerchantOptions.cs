using System.Globalization;
using System.Text.Json.Serialization;

namespace Specter.Klarna.Invoicing;

/// <summary>One Klarna merchant account (MID) the library talks to: environment, region and credentials.</summary>
/// <remarks>
/// Use either the classic <see cref="Username"/> and <see cref="Password"/>, or an API key
/// (<c>klarna_test_api_…</c> / <c>klarna_live_api_…</c>) in <see cref="Password"/> with <see cref="Username"/> left empty,
/// which sends <c>Authorization: Basic &lt;API key&gt;</c>. Keep secrets in a secret store, never in committed configuration.
/// <see cref="ToString"/> never prints the password.
/// </remarks>
public sealed class KlarnaMerchantOptions
{
    /// <summary>The default client-side rate limit against production, in requests per second (Klarna allows 200).</summary>
    public const int DefaultProductionRequestsPerSecond = 150;

    /// <summary>The default client-side rate limit against the playground, in requests per second (Klarna allows 50).</summary>
    public const int DefaultPlaygroundRequestsPerSecond = 40;

    /// <summary>Gets or sets the Klarna environment.</summary>
    /// <value>The default value is <see cref="KlarnaEnvironment.Playground"/>.</value>
    public KlarnaEnvironment Environment { get; set; } = KlarnaEnvironment.Playground;

    /// <summary>Gets or sets the Klarna region.</summary>
    /// <value>The default value is <see cref="KlarnaRegion.Europe"/>.</value>
    public KlarnaRegion Region { get; set; } = KlarnaRegion.Europe;

    /// <summary>Gets or sets a base address that overrides the one derived from <see cref="Environment"/> and <see cref="Region"/>.</summary>
    /// <value>
    /// The default value is <see langword="null"/>. Accepted only as https on one of Klarna's six API hosts, or plain http on a
    /// loopback address (127.0.0.0/8, ::1, localhost) for simulators and tests; never with user info, query or fragment.
    /// </value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the API username (the merchant id based user, or the UUID shown with an API key).</summary>
    /// <value>The default value is <see langword="null"/>: with an API key in <see cref="Password"/> no username is needed.</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the API password or API key. Never logged, printed or serialized (configuration binding still sets it).</summary>
    /// <value>The default value is <see langword="null"/>; it is required.</value>
    [JsonIgnore]
    public string? Password { get; set; }

    /// <summary>Gets or sets the client-side rate limit for this merchant, in requests per second.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: <see cref="DefaultProductionRequestsPerSecond"/> (150) in production and
    /// <see cref="DefaultPlaygroundRequestsPerSecond"/> (40) in the playground, a margin under Klarna's 200 and 50 because the
    /// quota is shared per merchant id with any other integration of the same account.
    /// </value>
    public int? RequestsPerSecond { get; set; }

    /// <summary>Gets or sets a value indicating whether prepayment invoices may be captured for this merchant profile.</summary>
    /// <remarks>Off by default: Klarna's merchant protection expects capture at fulfilment, so capturing before delivery is an explicit choice per shop.</remarks>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowPrepaymentCapture { get; set; }

    /// <summary>Gets or sets the language of the texts sent to Klarna for this merchant profile, which the customer reads on Klarna's invoice: the capture description ("Leveransfaktura 10045") and the prepayment, netting and merged line names.</summary>
    /// <remarks>One of <c>sv</c>, <c>en</c>, <c>nb</c>, <c>da</c>, <c>fi</c>, <c>de</c>; anything else is refused at start-up.</remarks>
    /// <value>The default value is <c>sv</c> (Swedish).</value>
    public string Language { get; set; } = "sv";

    /// <summary>Gets the effective client-side rate limit in requests per second.</summary>
    internal int EffectiveRequestsPerSecond => RequestsPerSecond
        ?? (Environment == KlarnaEnvironment.Production ? DefaultProductionRequestsPerSecond : DefaultPlaygroundRequestsPerSecond);

    /// <summary>Returns a description without secrets (the password is never printed, an API key only by its prefix).</summary>
    /// <returns>A description of the profile.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KlarnaMerchantOptions {{ Environment = {Environment}, Region = {Region}, BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, Username = {(string.IsNullOrEmpty(Username) ? "(none)" : "***")}, Password = {DescribeSecret(Password)}, RequestsPerSecond = {EffectiveRequestsPerSecond} }}");

    private static string DescribeSecret(string? secret) =>
        string.IsNullOrEmpty(secret) ? "(none)"
        : secret.StartsWith("klarna_live_", StringComparison.Ordinal) ? "klarna_live_***"
        : secret.StartsWith("klarna_test_", StringComparison.Ordinal) ? "klarna_test_***"
        : "***";
}
