namespace Specter.Klarna.Invoicing.Persistence;

/// <summary>One invoice as the ledger stores it: the plan, the capture intent (key and exact body) and the activation outcome.
/// A credit invoice is a row of the same shape (<see cref="DocumentKind"/> <see cref="LedgerDocumentKind.Credit"/>): its plan holds the
/// credited lines and amounts (positive), its write is the Klarna refund (<see cref="InvoicePlan.Capture"/> holds the refund, with the
/// credit number as reference), and <see cref="CaptureId"/> holds Klarna's refund id once refunded (<see cref="ActivationState.Activated"/>).</summary>
/// <remarks>
/// Hosts store every property verbatim. <see cref="Version"/> is the concurrency token: the ledger sets it on insert
/// and on every successful compare-and-swap update; callers never change it themselves.
/// </remarks>
public sealed record LedgerInvoice
{
    /// <summary>Gets the ERP invoice number (unique in the ledger).</summary>
    public required string InvoiceNumber { get; init; }

    /// <summary>Gets the ERP order number.</summary>
    public required string OrderNumber { get; init; }

    /// <summary>Gets whether the row is an invoice or a credit invoice.</summary>
    public LedgerDocumentKind DocumentKind { get; init; }

    /// <summary>Gets the number of the invoice a credit invoice credits, or <see langword="null"/> for an invoice.</summary>
    public string? CreditedInvoiceNumber { get; init; }

    /// <summary>Gets the Klarna merchant profile name, or <see langword="null"/> for the default profile.</summary>
    public string? Merchant { get; init; }

    /// <summary>Gets the Klarna order id (reservation), or <see langword="null"/> when the order has none.</summary>
    public string? KlarnaOrderId { get; init; }

    /// <summary>Gets the planned invoice (lines, amounts and the Klarna capture).</summary>
    public required InvoicePlan Plan { get; init; }

    /// <summary>Gets the activation state.</summary>
    public required ActivationState State { get; init; }

    /// <summary>Gets the activation attempt number, starting at 1; a new attempt (new key) follows only a definite failure.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>Gets the <c>Klarna-Idempotency-Key</c> of the current attempt, or <see langword="null"/> when nothing is sent to Klarna.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the exact UTF-8 JSON body sent under <see cref="IdempotencyKey"/>; a retry re-sends these bytes, never others.</summary>
    public string? RequestBody { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of <see cref="RequestBody"/>'s UTF-8 bytes.</summary>
    public string? RequestBodyHash { get; init; }

    /// <summary>Gets when the invoice was recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the current attempt was first sent to Klarna (starts Klarna's 24-hour idempotency window).</summary>
    public DateTimeOffset? FirstSentAt { get; init; }

    /// <summary>Gets when the current attempt was last sent (or re-sent) to Klarna: recovery concludes nothing while a send may still be in flight.</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>Gets the order's other invoices (number and attempt) the plan was made from: a plan whose order changed meanwhile is never sent.</summary>
    public string? PlannedFrom { get; init; }

    /// <summary>Gets when the record last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets Klarna's capture id once activated.</summary>
    public string? CaptureId { get; init; }

    /// <summary>Gets the capture's customer-facing Klarna reference, when known.</summary>
    public string? KlarnaReference { get; init; }

    /// <summary>Gets when the invoice was activated.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Gets the last failure (for <see cref="ActivationState.Failed"/> and <see cref="ActivationState.Unknown"/>).</summary>
    public ActivationFailure? LastFailure { get; init; }

    /// <summary>Gets how many times recovery has tried to settle this attempt.</summary>
    public int RecoveryAttempts { get; init; }

    /// <summary>Gets the concurrency token, set by the ledger.</summary>
    public long Version { get; init; }

    /// <summary>Gets a value indicating whether the outcome is open (<see cref="ActivationState.Pending"/> or <see cref="ActivationState.Unknown"/>).</summary>
    public bool IsUnsettled => State is ActivationState.Pending or ActivationState.Unknown;
}
