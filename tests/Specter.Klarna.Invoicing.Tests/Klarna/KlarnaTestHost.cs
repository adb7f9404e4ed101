using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

/// <summary>A recorded request as it left the handler chain (after auth, before the wire).</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType);

/// <summary>The primary handler of the tests: records every attempt and answers with the scripted responder.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _responder;
    private int _attempts;

    public StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> responder) => _responder = responder;

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Gets or sets the clock each attempt's time is read from (the host's fake clock).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Gets when (on <see cref="Clock"/>) each attempt reached the handler, in order.</summary>
    public List<DateTimeOffset> AttemptTimes { get; } = [];

    public int Attempts => Volatile.Read(ref _attempts);

    public static StubHandler Answer(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        new((_, _, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(h.Key == "User-Agent" ? " " : ",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (Requests)
        {
            AttemptTimes.Add(Clock.GetUtcNow());
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.ToString()));
        }

        var response = await _responder(request, attempt, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

/// <summary>Builds the client exactly as production registers it, over a stub primary handler, fake time and fake logging.</summary>
internal sealed class KlarnaTestHost : IDisposable
{
    public const string Username = "PK12345_abcdef";
    public const string Password = "s3cr3t-Pa55word!";
    public const string OrderId = "f3392f8b-6116-4073-ab96-e330819e2c07";

    public KlarnaTestHost(StubHandler stub, Action<KlarnaInvoicingOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Stub = stub;
        stub.Clock = Time;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddFakeLogging(o => o.OutputSink = null);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services?.Invoke(collection);
        collection.Configure<KlarnaInvoicingOptions>(o =>
        {
            o.Merchants["se"] = new KlarnaMerchantOptions
            {
                Username = Username,
                Password = Password,
                BaseAddress = new Uri("http://127.0.0.1:5099"),
                RequestsPerSecond = 1000,
            };
            configure?.Invoke(o);
        });
        KlarnaClientOptionsView.Register(collection);
        collection.AddKlarnaOrderManagementClient().ConfigurePrimaryHttpMessageHandler(() => stub);
        Services = collection.BuildServiceProvider(validateScopes: true);
    }

    public StubHandler Stub { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public IKlarnaOrderManagementClient Client => Services.GetRequiredService<IKlarnaOrderManagementClient>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Advances fake time in small steps until the task completes (no real sleeps beyond yielding).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted && advanced < (limit ?? TimeSpan.FromMinutes(5)))
        {
            await Task.Delay(1);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(500));
            advanced += step ?? TimeSpan.FromMilliseconds(500);
        }

        return await task;
    }

    public async Task DriveAsync(Task task, TimeSpan? step = null) => await DriveAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Klarna", "Fixtures", name));

    public static byte[] CaptureBody(long amount = 6000) => KlarnaRequestBodies.Capture(new KlarnaCaptureRequest
    {
        CapturedAmount = amount,
        Reference = "INV-1001",
        Description = "Invoice INV-1001",
        OrderLines =
        [
            new KlarnaOrderLine { Type = "physical", Reference = "123050", Name = "Tomatoes", Quantity = 10, QuantityUnit = "kg", UnitPrice = 600, TaxRate = 2500, TotalAmount = 6000, TotalTaxAmount = 1200 },
        ],
    });

    public void Dispose() => Services.Dispose();
}
