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
    public void ForWrite_IsDeterministic_AndChangesWithEveryPartOfTheName()
    {
        var ns = Guid.Parse("6f1c2a57-93a4-4f0e-8d3b-2a9f3c1d7e55");
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var key = IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-1", 1, at, "hash-a");

        IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-1", 1, at, "hash-a").Should().Be(key);
        IdempotencyKeys.ReadVersion(key).Should().Be(5);
        new[]
        {
            IdempotencyKeys.ForWrite(ns, "order-2", "capture", "INV-1", 1, at, "hash-a"),
            IdempotencyKeys.ForWrite(ns, "order-1", "refund", "INV-1", 1, at, "hash-a"),
            IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-2", 1, at, "hash-a"),
            IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-1", 2, at, "hash-a"),
            IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-1", 1, at.AddTicks(1), "hash-a"),
            IdempotencyKeys.ForWrite(ns, "order-1", "capture", "INV-1", 1, at, "hash-b"),
            IdempotencyKeys.ForWrite(Guid.NewGuid(), "order-1", "capture", "INV-1", 1, at, "hash-a"),
        }.Should().OnlyHaveUniqueItems().And.NotContain(key);
    }

    [Fact]
    public void Sha256Hex_IsLowerCaseHexOfTheBytes()
    {
        IdempotencyKeys.Sha256Hex("abc"u8).Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
