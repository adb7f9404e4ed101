using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal.Models;

namespace Specter.Klarna.Invoicing.Benchmarks;

/// <summary>
/// The capture body of a one-line capture: <c>KlarnaRequestBodies.Capture</c> (Klarna's limits checked per field, mapped
/// to the wire DTO, UTF-8 JSON) against serializing the same DTO directly with the same source-generated context.
/// </summary>
/// <remarks>Moved here from a test that only measured when an environment variable was set (issue #17).</remarks>
[MemoryDiagnoser]
public class CaptureBodyBenchmarks
{
    private readonly KlarnaCaptureRequest _request = new()
    {
        CapturedAmount = 6000,
        OrderLines = [new KlarnaOrderLine { Type = "physical", Name = "x", Quantity = 1, UnitPrice = 6000, TaxRate = 2500, TotalAmount = 6000, TotalTaxAmount = 1200 }],
    };

    private readonly CaptureRequestDto _dto = new()
    {
        CapturedAmount = 6000,
        OrderLines = [new OrderLineDto { Type = "physical", Name = "x", Quantity = 1, UnitPrice = 6000, TaxRate = 2500, TotalAmount = 6000, TotalDiscountAmount = 0, TotalTaxAmount = 1200 }],
    };

    [Benchmark(Baseline = true, Description = "JsonSerializer.SerializeToUtf8Bytes of the DTO")]
    public byte[] SerializeDto() => JsonSerializer.SerializeToUtf8Bytes(_dto, KlarnaJsonContext.Default.CaptureRequestDto);

    [Benchmark(Description = "KlarnaRequestBodies.Capture (1 line)")]
    public byte[] CaptureBody() => KlarnaRequestBodies.Capture(_request);
}
