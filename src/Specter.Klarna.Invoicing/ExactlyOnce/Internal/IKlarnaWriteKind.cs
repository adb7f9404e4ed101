using Specter.Klarna.Invoicing.Klarna.Internal;
using Specter.Klarna.Invoicing.Persistence;

namespace Specter.Klarna.Invoicing.ExactlyOnce.Internal;

/// <summary>
/// One kind of Klarna write the engine makes exactly once (a capture; a refund): how to send its stored body, how to
/// find its result at Klarna, and whether it may still be sent. The engine owns everything else.
/// </summary>
internal interface IKlarnaWriteKind
{
    /// <summary>Gets the operation's name in keys and logs, for example <c>capture</c>.</summary>
    string Name { get; }

    /// <summary>Sends exactly <paramref name="body"/> under the record's stored key.</summary>
    Task<KlarnaCreated> SendAsync(LedgerInvoice record, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Looks at Klarna for this write's result (by its reference), or <see langword="null"/> when Klarna holds none.</summary>
    Task<KlarnaWriteFound?> FindAtKlarnaAsync(LedgerInvoice record, CancellationToken cancellationToken);

    /// <summary>Why the write must no longer be sent (for example its plan went stale), or <see langword="null"/> when it may be.</summary>
    Task<string?> WhyNotSendAsync(LedgerInvoice record, CancellationToken cancellationToken);
}
