namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>How a fuzzed body arrives.</summary>
internal enum FuzzDelivery
{
    AllAtOnce,

    /// <summary>One byte per read, yielding between reads.</summary>
    Drip,

    /// <summary>The first bytes, then nothing until the reader gives up (driven by fake time).</summary>
    Stall,

    /// <summary>Half the body, then the connection breaks (<see cref="IOException"/>).</summary>
    BreakMidway,
}

/// <summary>
/// A response body: a prefix, an optional run of filler bytes produced on the fly (an enormous body without
/// allocating it), and a suffix; it counts every byte handed to the reader so the test can bound what was read.
/// </summary>
internal sealed class FuzzBodyStream(byte[] prefix, long fillerLength, byte filler, byte[] suffix, FuzzDelivery delivery) : Stream
{
    private long _position;

    public long BytesRead => Interlocked.Read(ref _position);

    public long TotalLength => prefix.Length + fillerLength + suffix.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (delivery)
        {
            case FuzzDelivery.Drip:
                await Task.Yield();
                buffer = buffer[..Math.Min(1, buffer.Length)];
                break;
            case FuzzDelivery.Stall when _position >= Math.Min(8, TotalLength):
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case FuzzDelivery.BreakMidway when _position >= TotalLength / 2:
                throw new IOException("The fuzzed connection was reset.");
        }

        return Fill(buffer.Span);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Fill(Span<byte> target)
    {
        int written = 0;
        long limit = delivery is FuzzDelivery.Stall ? Math.Min(8, TotalLength) : delivery is FuzzDelivery.BreakMidway ? TotalLength / 2 : TotalLength;
        while (written < target.Length && _position < limit)
        {
            long at = _position;
            int n;
            if (at < prefix.Length)
            {
                n = (int)Math.Min(target.Length - written, Math.Min(prefix.Length - at, limit - at));
                prefix.AsSpan((int)at, n).CopyTo(target[written..]);
            }
            else if (at < prefix.Length + fillerLength)
            {
                n = (int)Math.Min(target.Length - written, Math.Min(prefix.Length + fillerLength - at, limit - at));
                target.Slice(written, n).Fill(filler);
            }
            else
            {
                long s = at - prefix.Length - fillerLength;
                n = (int)Math.Min(target.Length - written, Math.Min(suffix.Length - s, limit - at));
                suffix.AsSpan((int)s, n).CopyTo(target[written..]);
            }

            written += n;
            Interlocked.Add(ref _position, n);
        }

        return written;
    }
}
