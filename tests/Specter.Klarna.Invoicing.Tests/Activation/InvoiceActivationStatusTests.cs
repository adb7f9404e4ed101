using System.Globalization;

namespace Specter.Klarna.Invoicing.Tests.Activation;

public sealed class InvoiceActivationStatusTests
{
    private static readonly InvoiceActivationStatus Activated = new()
    {
        InvoiceNumber = "10045",
        State = ActivationState.Activated,
        KlarnaOrderId = "0b1d9815-165e-42e2-8867-35bc03789e00",
        Amount = new Money(123450, Currency.SEK),
        CaptureId = "4ba29b50-be7b-44f5-a492-113e6a865e22",
        KlarnaReference = "K4MADNY-1",
        ActivatedAt = new DateTimeOffset(2026, 11, 27, 12, 22, 0, TimeSpan.Zero),
    };

    [Fact]
    public void GetTooltip_Activated_DefaultsToUtc_InSwedishAndEnglish()
    {
        Activated.GetTooltip(CultureInfo.GetCultureInfo("sv-SE")).Should().Be(
            "Aktiverad hos Klarna 2026-11-27 12:22 UTC. Capture-id 4ba29b50-be7b-44f5-a492-113e6a865e22, Klarna-referens K4MADNY-1. Belopp 1 234,50 kr.");
        Activated.GetTooltip(CultureInfo.GetCultureInfo("en-GB")).Should().Be(
            "Activated at Klarna 2026-11-27 12:22 UTC. Capture id 4ba29b50-be7b-44f5-a492-113e6a865e22, Klarna reference K4MADNY-1. Amount SEK 1,234.50.");
    }

    [Theory]
    [InlineData(1, "2026-11-27 13:22 UTC+01:00")]
    [InlineData(-5, "2026-11-27 07:22 UTC-05:00")]
    [InlineData(0, "2026-11-27 12:22 UTC.")]
    public void GetTooltip_WithATimeZone_ShowsLocalTimeAndItsOffset(int hours, string expected)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test", TimeSpan.FromHours(hours), "test", "test");

        Activated.GetTooltip(CultureInfo.GetCultureInfo("en-GB"), zone).Should().Contain(expected);
    }

    [Fact]
    public void GetTooltip_Failed_QuotesKlarnaWordForWord_WithCorrelationId()
    {
        var failed = Activated with
        {
            State = ActivationState.Failed,
            Failure = new ActivationFailure(403, "CAPTURE_NOT_ALLOWED", ["Captured amount is higher than the remaining authorized amount. Capture not possible."], "corr-1"),
        };

        failed.GetTooltip(CultureInfo.GetCultureInfo("sv-SE")).Should().Be(
            "Klarna nekade aktiveringen: CAPTURE_NOT_ALLOWED: Captured amount is higher than the remaining authorized amount. Capture not possible. (korrelations-id corr-1). Fakturan kan aktiveras på nytt eller makuleras.");
        failed.IsLocked.Should().BeFalse();
        failed.GetText(CultureInfo.GetCultureInfo("en-GB")).Should().Be("Activation at Klarna failed");
    }

    [Fact]
    public void GetTooltip_FailedWithoutKlarnaAnswering_DoesNotSayKlarnaRefused()
    {
        var concluded = Activated with
        {
            State = ActivationState.Failed,
            Failure = new ActivationFailure(null, null, ["Klarna holds no capture for this invoice, its idempotency window has passed and no send of it can still be in flight: nothing was made, so a new attempt is safe."], null),
        };

        var english = concluded.GetTooltip(CultureInfo.GetCultureInfo("en-GB"));

        english.Should().StartWith("The activation was not made, and Klarna did not refuse it: Klarna holds no capture").And.NotContain("Klarna refused");
        concluded.GetTooltip(CultureInfo.GetCultureInfo("sv-SE")).Should().StartWith("Aktiveringen gjordes inte, och Klarna nekade den inte:").And.NotContain("Klarna nekade aktiveringen");
    }
}
