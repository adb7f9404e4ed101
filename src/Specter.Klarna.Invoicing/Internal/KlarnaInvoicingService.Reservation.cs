using Specter.Klarna.Invoicing.Activation.Internal;

namespace Specter.Klarna.Invoicing.Internal;

internal sealed partial class KlarnaInvoicingService
{
    public Task<KlarnaOrder> GetKlarnaOrderAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(klarnaOrderId);
        return klarna.GetOrderAsync(merchant, klarnaOrderId, cancellationToken);
    }

    public Task CancelReservationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(klarnaOrderId);
        var key = IdempotencyKeys.ForOrderOperation(Options.IdempotencyNamespace, klarnaOrderId, "cancel", "once");
        return klarna.CancelOrderAsync(merchant, klarnaOrderId, key, cancellationToken);
    }

    public async Task ReleaseRemainingAuthorizationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(klarnaOrderId);
        var order = await klarna.GetOrderAsync(merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
        // The captured amount names the state being released from, so a later release after more captures gets its own key.
        var key = IdempotencyKeys.ForOrderOperation(Options.IdempotencyNamespace, klarnaOrderId, "release", "captured-" + order.CapturedAmount.MinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await klarna.ReleaseRemainingAuthorizationAsync(merchant, klarnaOrderId, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<KlarnaOrder> ExtendReservationAsync(string? merchant, string klarnaOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(klarnaOrderId);
        // Klarna extends from the day of the call, so one key per day is both safe and sufficient.
        var day = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var key = IdempotencyKeys.ForOrderOperation(Options.IdempotencyNamespace, klarnaOrderId, "extend", day);
        await klarna.ExtendAuthorizationTimeAsync(merchant, klarnaOrderId, key, cancellationToken).ConfigureAwait(false);
        return await klarna.GetOrderAsync(merchant, klarnaOrderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An invoicing rule: read from the invoicing options by the profile's name, never through the client's options.</summary>
    private bool IsPrepaymentEnabled(string? merchant) =>
        Options.Merchants.TryGetValue(merchants.Resolve(merchant).Name, out var profile) && profile.AllowPrepaymentCapture;

    /// <summary>The language of the texts sent to Klarna: the merchant profile's, read from the invoicing options like <see cref="IsPrepaymentEnabled"/> (an order without a reservation sends nothing, so Swedish).</summary>
    private System.Globalization.CultureInfo KlarnaLanguage(InvoicingOrder order) =>
        order.KlarnaOrderId is not null && Options.Merchants.TryGetValue(merchants.Resolve(order.Merchant).Name, out var profile)
            ? System.Globalization.CultureInfo.GetCultureInfo(profile.Language)
            : Resources.KlarnaTexts.Default;
}
