using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Specter.Klarna.Invoicing.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Internal;

/// <summary>One meter and one activity source per package, named after it, and every instrument from the host's IMeterFactory.</summary>
public sealed class TelemetryNamingTests
{
    [Fact]
    public async Task InvoicingAndKlarnaInstruments_ShareThePackagesMeter_FromTheContainersFactory()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" };
        }).UseInMemoryLedger();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();

        var invoicing = provider.GetRequiredService<InvoicingTelemetry>();
        var klarna = provider.GetRequiredService<KlarnaTelemetry>();

        Meter[] meters = [invoicing.Outcomes.Meter, invoicing.CapturedAmount.Meter, invoicing.Duration.Meter, klarna.Requests.Meter, klarna.Duration.Meter, klarna.Errors.Meter];
        meters.Should().OnlyContain(m => m.Name == "Specter.Klarna.Invoicing" && ReferenceEquals(m, meters[0]));
        meters[0].Scope.Should().BeSameAs(factory, "the host's factory owns the meter (and disposes it with the container)");
        InvoicingTelemetry.Source.Name.Should().Be("Specter.Klarna.Invoicing");
        InvoicingTelemetry.Source.Should().BeSameAs(KlarnaTelemetry.ActivitySource);
    }

    [Fact]
    public async Task KlarnaCallMetrics_AreMeasurable_PerContainer_WithMetricCollector()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKlarnaInvoicing(o =>
        {
            o.IdempotencyNamespace = Guid.NewGuid();
            o.Merchants["SE"] = new KlarnaMerchantOptions { Username = "PK_1", Password = "secret" };
        }).UseInMemoryLedger();
        await using var provider = services.BuildServiceProvider();
        var telemetry = provider.GetRequiredService<KlarnaTelemetry>();
        using var requests = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "Specter.Klarna.Invoicing", "klarna.om.requests");

        telemetry.Record("GetOrder", 404, "NO_SUCH_ORDER", "refused", TimeSpan.FromMilliseconds(20));

        var measurement = requests.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags["klarna.operation"].Should().Be("GetOrder");
        measurement.Tags["klarna.outcome"].Should().Be("refused");
        measurement.Tags["http.response.status_code"].Should().Be(404);
    }
}
