using Specter.Klarna.Invoicing.Activation.Internal;

namespace Specter.Klarna.Invoicing.Tests.Activation;

public sealed class IdempotencyKeysTests
{
    private static readonly Guid DnsNamespace = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Create_MatchesTheRfc9562UuidV5TestVector()
    {
        // RFC 9562 Appendix A.4: UUIDv5 of the DNS namespace and "www.example.com".
        IdempotencyKeys.Create(DnsNamespace, "www.example.com").Should().Be("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    [Fact]
    public void ForCapture_IsDeterministic_AndChangesWithEveryPartOfTheName()
    {
        var ns = Guid.Parse("6f1c2a57-93a4-4f0e-8d3b-2a9f3c1d7e55");
        var key = IdempotencyKeys.ForCapture(ns, "order-1", "INV-1", 1);

        IdempotencyKeys.ForCapture(ns, "order-1", "INV-1", 1).Should().Be(key);
        IdempotencyKeys.ReadVersion(key).Should().Be(5);
        new[]
        {
            IdempotencyKeys.ForCapture(ns, "order-2", "INV-1", 1),
            IdempotencyKeys.ForCapture(ns, "order-1", "INV-2", 1),
            IdempotencyKeys.ForCapture(ns, "order-1", "INV-1", 2),
            IdempotencyKeys.ForCapture(Guid.NewGuid(), "order-1", "INV-1", 1),
        }.Should().OnlyHaveUniqueItems().And.NotContain(key);
    }

    [Fact]
    public void Sha256Hex_IsLowerCaseHexOfTheBytes()
    {
        IdempotencyKeys.Sha256Hex("abc"u8).Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
