namespace Specter.Klarna.Invoicing.Credit.Internal;

/// <summary>Everything the credit math needs, read by the orchestration: the credited invoice, its earlier credits and Klarna's limits.</summary>
internal sealed record CreditInput
{
    /// <summary>Gets the credited invoice's plan.</summary>
    public required InvoicePlan Invoice { get; init; }

    /// <summary>Gets the plans of the invoice's earlier credits that took (or may have taken) money back: refunded, pending, unknown or without Klarna.</summary>
    public required IReadOnlyList<InvoicePlan> EarlierCredits { get; init; }

    /// <summary>Gets the credit invoice's number (the refund's reference).</summary>
    public required string CreditNumber { get; init; }

    /// <summary>Gets the refund description, or <see langword="null"/> for "Kreditfaktura {number}" in the merchant profile's Klarna language ("Credit invoice {number}" in English).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the lines to credit, or <see langword="null"/>.</summary>
    public IReadOnlyList<CreditLineRequest>? Lines { get; init; }

    /// <summary>Gets the amounts per VAT rate to credit, or <see langword="null"/>.</summary>
    public IReadOnlyList<CreditAmountRequest>? Amounts { get; init; }

    /// <summary>Gets the return fee, or <see langword="null"/>.</summary>
    public CreditReturnFee? ReturnFee { get; init; }

    /// <summary>Gets a value indicating whether the invoice was captured at Klarna, so the credit is refunded there.</summary>
    public bool Refunds { get; init; }

    /// <summary>Gets what Klarna has left to refund on the order (captured less refunded), or <see langword="null"/> when not known.</summary>
    public long? LeftOnOrder { get; init; }

    /// <summary>Gets what Klarna has left to refund on the credited invoice's capture, or <see langword="null"/> when not known.</summary>
    public long? LeftOnCapture { get; init; }

    /// <summary>Gets the order's prepayments not yet netted off, per VAT rate in basis points; a prepayment line is credited at most this.</summary>
    public IReadOnlyDictionary<int, long> UnnettedPrepayments { get; init; } = new Dictionary<int, long>();

    /// <summary>Gets the language of the texts sent to Klarna (split and merged line names): the merchant profile's.</summary>
    public System.Globalization.CultureInfo Language { get; init; } = Resources.KlarnaTexts.Default;

    /// <summary>Gets a value indicating whether Klarna accepts a return fee on this order.</summary>
    public bool ReturnFeeAllowed { get; init; }
}
