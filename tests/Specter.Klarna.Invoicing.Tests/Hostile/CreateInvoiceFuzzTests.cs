using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using Specter.Klarna.Invoicing.Tests.TestDoubles;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// <c>CreateInvoiceAsync</c> end to end with the capture's answer replaced by a generated one: an invoice is recorded
/// <see cref="ActivationState.Activated"/> only with the capture id Klarna really gave in a 201, and
/// <see cref="ActivationState.Failed"/> only on a definitive 4xx refusal; everything else stays open for recovery.
/// </summary>
public sealed class CreateInvoiceFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 300;

    [Fact]
    public async Task NoActivationIsRecordedWithoutTheCaptureIdOfA201()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fuzz = new CaptureFuzzHandler();
        await using var h = InvoicingHarness.Create(
            wrapHandler: inner => { fuzz.InnerHandler = inner; return fuzz; },
            configureServices: s => s.AddSingleton<TimeProvider>(time));
        var states = new Dictionary<string, int>();
        int n = 0;
        fuzz.Answer = new FuzzAnswer(201, "warm-up", [], 0, [], null, [FuzzAnswer.ValidCaptureId], [], null, FuzzDelivery.AllAtOnce);
        (await h.Invoicing.CreateInvoiceAsync(h.Reserve(SampleOrders.Simple("F-0")), new CreateInvoiceRequest { InvoiceNumber = "FZ-0" })).Status.State.Should().Be(ActivationState.Activated);
        await FuzzAnswers.For(201, "{}", allowStall: false).SampleAsync(
            async answer =>
            {
                var order = h.Reserve(SampleOrders.Simple("F-" + ++n));
                fuzz.Answer = answer;
                fuzz.RealCaptureId = null;
                fuzz.CaptureCalls = 0;
                var task = h.Invoicing.CreateInvoiceAsync(order, new CreateInvoiceRequest { InvoiceNumber = "FZ-" + n });
                while (!task.IsCompleted)
                {
                    await Task.Delay(1);
                    time.Advance(TimeSpan.FromMilliseconds(100));
                }

                var error = await Record.ExceptionAsync(() => task);
                error.Should().Match<Exception?>(e => e == null || e is KlarnaApiException || e is HttpRequestException || e is TimeoutRejectedException, $"only documented exceptions: {error}");
                var invoice = await h.Ledger.FindAsync("FZ-" + n);
                if (invoice is null)
                {
                    // Only a failed read of the order (before any intent) may leave nothing behind, and then nothing was captured.
                    fuzz.CaptureCalls.Should().Be(0, $"{error?.GetType().Name}: {error?.Message}");
                    states["not started"] = states.GetValueOrDefault("not started") + 1;
                    return;
                }

                states[invoice!.State.ToString()] = states.GetValueOrDefault(invoice.State.ToString()) + 1;
                if (invoice.State == ActivationState.Activated)
                {
                    answer.Status.Should().Be(201);
                    answer.CaptureIds.Distinct().Should().Equal([FuzzAnswer.ValidCaptureId]);
                    invoice.CaptureId.Should().NotBeNull().And.Be(fuzz.RealCaptureId, "the id Klarna gave, nothing else");
                }
                else
                {
                    invoice.CaptureId.Should().BeNull();
                }

                if (invoice.State == ActivationState.Failed)
                {
                    answer.Status.Should().BeInRange(400, 499, "only a definitive refusal fails an invoice; a 201 never does").And.NotBe(408).And.NotBe(409).And.NotBe(429);
                }
            },
            writeLine: output.WriteLine,
            iter: Iterations,
            threads: 1,
            print: a => a.ToString());

        output.WriteLine($"CreateInvoiceAsync fuzzing: {n} invoices (shrinking included); ledger states: {string.Join(", ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}");
        states.Keys.Should().Contain(["Activated", "Unknown"]);
    }

    /// <summary>Passes everything to the simulator except the capture's answer, which it replaces with the generated one.</summary>
    private sealed class CaptureFuzzHandler : DelegatingHandler
    {
        public FuzzAnswer Answer { get; set; } = null!;

        public string? RealCaptureId { get; set; }

        public int CaptureCalls { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/captures", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            CaptureCalls++;
            // Klarna really captured when it answered 201 (and may have, behind a 5xx); a 4xx refusal means it did not.
            if (Answer.Status == 201 || Answer.Status >= 500)
            {
                using var real = await base.SendAsync(request, cancellationToken);
                RealCaptureId ??= real.Headers.TryGetValues("Capture-Id", out var ids) ? ids.Single() : null;
            }

            var ids2 = Answer.CaptureIds.Select(id => id == FuzzAnswer.ValidCaptureId ? RealCaptureId ?? id : id).ToArray();
            var response = (Answer with { CaptureIds = ids2 }).ToResponse([]);
            response.RequestMessage = request;
            return response;
        }
    }
}
