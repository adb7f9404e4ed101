using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>
/// Outermost handler of the Klarna client: refuses a mutating request without <c>Klarna-Idempotency-Key</c>, checks the
/// request goes to its merchant's base address, and sets Basic authorization (credentials read per request), <c>Accept</c>
/// and Klarna's <c>User-Agent</c>. Runs once per logical call, before the retry pipeline.
/// </summary>
internal sealed class KlarnaAuthenticationHandler(KlarnaMerchantResolver merchants) : DelegatingHandler
{
    internal static readonly string UserAgent = BuildUserAgent();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.Send(request, cancellationToken);
    }

    private void Prepare(HttpRequestMessage request)
    {
        if (KlarnaHttp.IsWrite(request.Method)
            && (!request.Headers.TryGetValues(KlarnaHttp.IdempotencyKeyHeader, out var keys) || keys.All(string.IsNullOrWhiteSpace)))
        {
            throw new InvalidOperationException($"Refusing to send a Klarna {request.Method} without {KlarnaHttp.IdempotencyKeyHeader}: it could not be retried safely.");
        }

        if (!request.Options.TryGetValue(KlarnaHttp.Merchant, out var merchantName))
        {
            throw new InvalidOperationException("The Klarna request names no merchant profile.");
        }

        var merchant = merchants.Resolve(merchantName);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || !merchant.BaseAddress.IsBaseOf(uri))
        {
            // Credentials only ever go to the merchant's own base address.
            throw new InvalidOperationException($"The Klarna request is not addressed to merchant '{merchant.Name}''s base address.");
        }

        var password = merchant.Options.Password ?? string.Empty;
        var token = string.IsNullOrEmpty(merchant.Options.Username)
            ? password
            : Convert.ToBase64String(Encoding.UTF8.GetBytes(merchant.Options.Username + ":" + password));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    private static string BuildUserAgent()
    {
        static string Clean(string value) => new(value.Select(c => char.IsWhiteSpace(c) || c is '/' or '(' or ')' ? '_' : c).ToArray());

        var os = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsMacOS() ? "macOS" : RuntimeInformation.OSDescription;
        var runtime = Environment.Version.ToString();
        return $"Library/Specter.Klarna.Invoicing_{Clean(KlarnaTelemetry.Version)} OS/{Clean(os)}_{Clean(Environment.OSVersion.Version.ToString())} Language/.NET_{Clean(runtime)}";
    }
}
