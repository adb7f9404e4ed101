using Microsoft.Extensions.DependencyInjection;

namespace Specter.Klarna.Invoicing;

/// <summary>Tunes the Klarna Order Management HTTP client returned by <c>AddKlarnaInvoicing(...).HttpClient</c>.</summary>
public static class KlarnaHttpClientBuilderExtensions
{
    /// <summary>Changes the Klarna client's attempt and total timeouts (validated at start-up).</summary>
    /// <param name="builder">The Klarna client's builder (<see cref="IKlarnaInvoicingBuilder.HttpClient"/>).</param>
    /// <param name="configure">Changes the timeouts.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder ConfigureKlarnaTimeouts(this IHttpClientBuilder builder, Action<KlarnaTimeoutOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<KlarnaTimeoutOptions>(builder.Name).Configure(configure);
        return builder;
    }
}
