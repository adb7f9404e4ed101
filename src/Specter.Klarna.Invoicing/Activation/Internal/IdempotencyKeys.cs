using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Specter.Klarna.Invoicing.Activation.Internal;

/// <summary>
/// Deterministic <c>Klarna-Idempotency-Key</c>s: UUIDv5 (RFC 9562 §5.5) of a per-installation namespace and
/// the write's identity (Klarna order, operation, record, attempt, moment of the intent, body hash). Keys are stored
/// with the exact bytes before the first send, stay unguessable outside the installation, and never repeat for other bytes.
/// </summary>
internal static class IdempotencyKeys
{
    /// <summary>The key of one recorded write: a record abandoned and created again gets another key (another moment, and other bytes give another hash).</summary>
    public static string ForWrite(Guid installationNamespace, string klarnaOrderId, string operation, string recordId, int attempt, DateTimeOffset recordedAt, string bodyHash) =>
        Create(installationNamespace, string.Create(CultureInfo.InvariantCulture, $"{klarnaOrderId}/{operation}/{recordId}/{attempt}/{recordedAt.UtcTicks}/{bodyHash}"));

    public static string ForOrderOperation(Guid installationNamespace, string klarnaOrderId, string operation, string discriminator) =>
        Create(installationNamespace, $"{klarnaOrderId}/{operation}/{discriminator}");

    public static string Create(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        if (!namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _))
        {
            throw new InvalidOperationException("Could not write the namespace GUID.");
        }

        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // UUIDv5 is defined on SHA-1; it names, it does not protect.
        byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    public static string Sha256Hex(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    internal static int ReadVersion(string key) => BinaryPrimitives.ReadUInt16BigEndian(Guid.Parse(key).ToByteArray(bigEndian: true).AsSpan(6)) >> 12;
}
