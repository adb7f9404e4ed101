namespace Specter.Klarna.Invoicing.Testing;

/// <summary>A request received by the simulator. The <c>Authorization</c> header is never kept; <see cref="Merchant"/> holds the username.</summary>
/// <param name="Sequence">The 1-based arrival order across the simulator.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, for example <c>/ordermanagement/v1/orders/{id}/captures</c>.</param>
/// <param name="Headers">The request and content headers except <c>Authorization</c>, names as sent.</param>
/// <param name="Body">The body as text, or an empty string.</param>
/// <param name="Merchant">The Basic-authentication username, or <see langword="null"/> when absent or unreadable.</param>
/// <param name="OrderId">The order id from the path, or <see langword="null"/>.</param>
/// <param name="Operation">The Order Management operation the path maps to, or <see langword="null"/> when unknown.</param>
/// <param name="IdempotencyKey">The <c>Klarna-Idempotency-Key</c> header, or <see langword="null"/>.</param>
public sealed record SimulatedRequest(
    long Sequence,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Merchant,
    string? OrderId,
    SimulatedOperation? Operation,
    string? IdempotencyKey);
