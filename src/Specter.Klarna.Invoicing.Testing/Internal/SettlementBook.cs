namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>The Settlements side of the simulator: closed payouts, what they paid, and corrections waiting for the next payout. Guarded by <see cref="SimulatorState.Gate"/>.</summary>
internal sealed class SettlementBook
{
    public List<PayoutState> Payouts { get; } = [];

    public HashSet<string> PaidCaptureIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PaidRefundIds { get; } = new(StringComparer.Ordinal);

    public List<PendingCorrection> PendingCorrections { get; } = [];

    public int LastSequence { get; set; }

    public string NextPaymentReference() => "SP" + (++LastSequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A correction Klarna will book against an order in the merchant's next payout.</summary>
internal sealed record PendingCorrection(string OrderId, long Amount, string DetailedType, string? Comment);
