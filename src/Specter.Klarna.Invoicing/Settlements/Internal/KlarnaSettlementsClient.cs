using Microsoft.Extensions.Options;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Settlements.Internal.Models;

// Longer than ~150 lines: the Settlements client's GET calls, paging and its one send path (errors, telemetry) in one
// place; its error parsing is shared with the Order Management client (KlarnaErrorParser).
namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>
/// The Settlements API v1 client. It sends through the Order Management client's named <see cref="HttpClient"/>, so
/// authentication, the resilience pipeline (GETs: retried on 408/429/5xx/timeouts) and the per-merchant rate limiter are
/// the same ones.
/// </summary>
internal sealed class KlarnaSettlementsClient(
    IHttpClientFactory httpClients,
    KlarnaMerchantResolver merchants,
    TimeProvider timeProvider,
    IOptionsMonitor<KlarnaTimeoutOptions> timeouts,
    ILogger<KlarnaSettlementsClient> logger) : IKlarnaSettlementsClient
{
    /// <summary>Klarna's maximum page size.</summary>
    internal const int PageSize = 500;

    /// <summary>A guard against a server whose paging never ends.</summary>
    internal const int MaxPages = 10_000;

    private const string BasePath = "settlements/v1/";

    public Task<IReadOnlyList<KlarnaPayout>> ListPayoutsAsync(string? merchant, DateTimeOffset from, DateTimeOffset to, Currency? currency, CancellationToken cancellationToken)
    {
        var query = DateRange(from, to) + CurrencyParameter(currency);
        return PageAsync("ListPayouts", merchant, "payouts?" + query, SettlementsJsonContext.Default.PayoutCollectionDto,
            static page => (page.Payouts ?? []).Where(p => p is not null).Select(p => SettlementsMapper.Payout(p!)).ToList(),
            static page => page.Pagination, cancellationToken);
    }

    public Task<KlarnaPayout> GetPayoutAsync(string? merchant, string paymentReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        return SendAsync("GetPayout", merchant, "payouts/" + Uri.EscapeDataString(paymentReference), SettlementsJsonContext.Default.PayoutDto,
            SettlementsMapper.Payout, cancellationToken);
    }

    public Task<IReadOnlyList<KlarnaPayoutSummary>> GetPayoutSummaryAsync(string? merchant, DateTimeOffset from, DateTimeOffset to, Currency? currency, CancellationToken cancellationToken) =>
        SendAsync<List<PayoutSummaryDto?>, IReadOnlyList<KlarnaPayoutSummary>>("GetPayoutSummary", merchant, "payouts/summary?" + DateRange(from, to) + CurrencyParameter(currency),
            SettlementsJsonContext.Default.ListPayoutSummaryDto,
            static list => [.. list.Where(s => s is not null).Select(s => SettlementsMapper.Summary(s!))], cancellationToken);

    public Task<IReadOnlyList<KlarnaSettlementTransaction>> ListTransactionsAsync(string? merchant, string paymentReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        return PageAsync("ListTransactions", merchant, "transactions?payment_reference=" + Uri.EscapeDataString(paymentReference),
            SettlementsJsonContext.Default.TransactionCollectionDto,
            static page => (page.Transactions ?? []).Where(t => t is not null).Select(t => SettlementsMapper.Transaction(t!)).ToList(),
            static page => page.Pagination, cancellationToken);
    }

    /// <summary>Follows Klarna's offset paging until the total is reached, or until a short or empty page when no total is given.</summary>
    private async Task<IReadOnlyList<T>> PageAsync<TDto, T>(
        string operation,
        string? merchant,
        string pathAndQuery,
        JsonTypeInfo<TDto> typeInfo,
        Func<TDto, List<T>> items,
        Func<TDto, PaginationDto?> pagination,
        CancellationToken cancellationToken)
    {
        var all = new List<T>();
        long offset = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{pathAndQuery}&size={PageSize}&offset={offset}");
            var (pageItems, paging) = await SendAsync(operation, merchant, path, typeInfo, dto => (items(dto), pagination(dto)), cancellationToken).ConfigureAwait(false);
            all.AddRange(pageItems);
            offset += pageItems.Count;
            var done = pageItems.Count == 0
                || (paging?.Total is { } total ? offset >= total : pageItems.Count < PageSize);
            if (done)
            {
                return all;
            }
        }

        throw new KlarnaApiException(HttpStatusCode.OK, null, [$"Klarna's Settlements {operation} paging did not end after {MaxPages} pages."], null);
    }

    private async Task<T> SendAsync<TDto, T>(string operation, string? merchant, string pathAndQuery, JsonTypeInfo<TDto> typeInfo, Func<TDto, T> map, CancellationToken cancellationToken)
    {
        var resolved = merchants.Resolve(merchant);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(resolved.BaseAddress, BasePath + pathAndQuery));
        request.Options.Set(KlarnaHttp.Merchant, resolved.Name);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(KlarnaResilience.Retryable, true);
        context.Properties.Set(KlarnaResilience.IsWrite, false);
        request.SetResilienceContext(context);

        using var activity = KlarnaTelemetry.ActivitySource.StartActivity("Klarna Settlements " + operation, ActivityKind.Client);
        activity?.SetTag("klarna.operation", operation);
        activity?.SetTag("klarna.merchant", resolved.Name);
        var started = timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            var client = httpClients.CreateClient(KlarnaHttp.ClientName);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var waitedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var exceptionType = exception.GetType().Name;
            SettlementsLog.RequestNoAnswer(logger, operation, waitedMs, exceptionType);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var correlationId = response.Headers.TryGetValues(KlarnaHttp.CorrelationIdHeader, out var values) ? values.FirstOrDefault() : null;
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            try
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw await KlarnaErrorParser.CreateExceptionAsync(response, correlationId, timeouts.Get(KlarnaHttp.ClientName).ReadAttemptTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
                }

                var result = map(await ReadAsync(response, typeInfo, correlationId, cancellationToken).ConfigureAwait(false));
                var durationMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
                SettlementsLog.RequestSucceeded(logger, operation, status, durationMs, correlationId);
                return result;
            }
            catch (KlarnaApiException failure)
            {
                var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
                var failureCorrelationId = failure.CorrelationId ?? correlationId;
                SettlementsLog.RequestFailed(logger, operation, status, failure.ErrorCode, elapsedMs, failureCorrelationId);
                activity?.SetStatus(ActivityStatusCode.Error, failure.ErrorCode ?? status.ToString(CultureInfo.InvariantCulture));
                throw;
            }
        }
    }

    private static async Task<TDto> ReadAsync<TDto>(HttpResponseMessage response, JsonTypeInfo<TDto> typeInfo, string? correlationId, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The body is JSON null.");
            }
        }
        catch (JsonException exception)
        {
            throw new KlarnaApiException(response.StatusCode, null, [$"Klarna's Settlements answer is not the expected JSON ({exception.Message.Split('.')[0]})."], correlationId, exception);
        }
    }

    private static string DateRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The end of the date range is before its start.");
        }

        return "start_date=" + Uri.EscapeDataString(Iso(from)) + "&end_date=" + Uri.EscapeDataString(Iso(to));
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string CurrencyParameter(Currency? currency) => currency is { } c ? "&currency_code=" + c.Code : string.Empty;
}
