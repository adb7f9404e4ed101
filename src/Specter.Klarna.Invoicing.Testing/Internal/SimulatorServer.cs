using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>The loopback transport: Kestrel on 127.0.0.1 with a free port, forwarding every request to the engine.</summary>
internal sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorEngine engine, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => HandleAsync(engine, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(SimulatorEngine engine, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in context.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new(header.Key, value ?? string.Empty));
            }
        }

        var request = context.Request;
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        var outcome = await engine.ProcessAsync(new SimHttpRequest(request.Method, uri, headers, buffer.ToArray()), context.RequestAborted).ConfigureAwait(false);
        if (outcome.AbortConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = outcome.Status;
        foreach (var header in outcome.Headers)
        {
            context.Response.Headers.Append(header.Key, header.Value);
        }

        if (outcome.ContentType is not null)
        {
            context.Response.ContentType = outcome.ContentType + "; charset=utf-8";
        }

        if (outcome.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(outcome.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
