using Microsoft.Extensions.DependencyInjection;

namespace Specter.Klarna.Invoicing.DependencyInjection.Internal;

internal sealed record KlarnaInvoicingBuilder(IServiceCollection Services, IHttpClientBuilder HttpClient) : IKlarnaInvoicingBuilder;
