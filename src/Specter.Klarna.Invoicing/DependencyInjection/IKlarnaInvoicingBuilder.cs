using Microsoft.Extensions.DependencyInjection;

namespace Specter.Klarna.Invoicing;

/// <summary>Configures Specter.Klarna.Invoicing after <c>AddKlarnaInvoicing</c>: the Klarna HTTP client and the host's ledger.</summary>
public interface IKlarnaInvoicingBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the builder of the Klarna Order Management HTTP client (tune resilience, add handlers).</summary>
    IHttpClientBuilder HttpClient { get; }
}
