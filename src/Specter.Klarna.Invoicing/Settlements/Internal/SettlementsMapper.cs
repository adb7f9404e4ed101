using System.Net;
using Specter.Klarna.Invoicing.Settlements.Internal.Models;

namespace Specter.Klarna.Invoicing.Settlements.Internal;

/// <summary>Turns Settlements wire DTOs into the public model; a payload without its essentials is an unusable answer.</summary>
internal static class SettlementsMapper
{
    public static KlarnaPayout Payout(PayoutDto dto)
    {
        if (string.IsNullOrWhiteSpace(dto.PaymentReference) || dto.PayoutDate is null)
        {
            throw Unusable("A payout lacks payment_reference or payout_date.");
        }

        var currency = CurrencyOf(dto.CurrencyCode, "payout " + dto.PaymentReference);
        return new KlarnaPayout
        {
            PaymentReference = dto.PaymentReference,
            PayoutDate = dto.PayoutDate.Value,
            Currency = currency,
            SettlementType = string.IsNullOrWhiteSpace(dto.MerchantSettlementType) ? KlarnaSettlementType.Net : new KlarnaSettlementType(dto.MerchantSettlementType),
            Totals = Totals(dto.Totals ?? new PayoutTotalsDto(), currency),
            MerchantId = NullIfEmpty(dto.MerchantId),
        };
    }

    public static KlarnaPayoutSummary Summary(PayoutSummaryDto dto)
    {
        var currency = CurrencyOf(dto.SummarySettlementCurrency, "payout summary");
        Money M(long? minor) => new(minor ?? 0, currency);
        return new KlarnaPayoutSummary
        {
            Currency = currency,
            PayoutDateStart = dto.SummaryPayoutDateStart,
            PayoutDateEnd = dto.SummaryPayoutDateEnd,
            Totals = new KlarnaPayoutTotals
            {
                Sale = M(dto.SummaryTotalSaleAmount),
                Return = M(dto.SummaryTotalReturnAmount),
                Reversal = M(dto.SummaryTotalReversalAmount),
                Fee = M(dto.SummaryTotalFeeAmount),
                FeeCorrection = M(dto.SummaryTotalFeeCorrectionAmount),
                FeeRefund = M(null),
                Tax = M(dto.SummaryTotalTaxAmount),
                Commission = M(dto.SummaryTotalCommissionAmount),
                Charge = M(null),
                Credit = M(null),
                Holdback = M(dto.SummaryTotalHoldbackAmount),
                Release = M(dto.SummaryTotalReleaseAmount),
                Repay = M(dto.SummaryTotalRepayAmount),
                Settlement = M(dto.SummaryTotalSettlementAmount),
            },
        };
    }

    public static KlarnaSettlementTransaction Transaction(TransactionDto dto)
    {
        if (string.IsNullOrWhiteSpace(dto.Type) || dto.Amount is null)
        {
            throw Unusable($"A transaction of order {dto.OrderId} lacks type or amount.");
        }

        var currency = CurrencyOf(dto.CurrencyCode, "a transaction of order " + dto.OrderId);
        return new KlarnaSettlementTransaction
        {
            Type = new KlarnaTransactionType(dto.Type.Trim()),
            DetailedType = NullIfEmpty(dto.DetailedType),
            Amount = new Money(dto.Amount.Value, currency),
            CaptureId = NullIfEmpty(dto.CaptureId),
            RefundId = NullIfEmpty(dto.RefundId),
            MerchantCaptureReference = NullIfEmpty(dto.MerchantCaptureReference),
            MerchantRefundReference = NullIfEmpty(dto.MerchantRefundReference),
            MerchantReference1 = NullIfEmpty(dto.MerchantReference1),
            MerchantReference2 = NullIfEmpty(dto.MerchantReference2),
            OrderId = NullIfEmpty(dto.OrderId),
            ShortOrderId = NullIfEmpty(dto.ShortOrderId),
            PaymentReference = NullIfEmpty(dto.PaymentReference),
            SaleDate = dto.SaleDate,
            CaptureDate = dto.CaptureDate,
            VatRate = dto.VatRate,
            VatAmount = dto.VatAmount is { } vat ? new Money(vat, currency) : null,
            KlarnaComment = NullIfEmpty(dto.KlarnaComment),
        };
    }

    private static KlarnaPayoutTotals Totals(PayoutTotalsDto dto, Currency currency)
    {
        Money M(long? minor) => new(minor ?? 0, currency);
        return new KlarnaPayoutTotals
        {
            Sale = M(dto.SaleAmount),
            Return = M(dto.ReturnAmount),
            Reversal = M(dto.ReversalAmount),
            Fee = M(dto.FeeAmount),
            FeeCorrection = M(dto.FeeCorrectionAmount),
            FeeRefund = M(dto.FeeRefundAmount),
            Tax = M(dto.TaxAmount),
            Commission = M(dto.CommissionAmount),
            Charge = M(dto.ChargeAmount),
            Credit = M(dto.CreditAmount),
            Holdback = M(dto.HoldbackAmount),
            Release = M(dto.ReleaseAmount),
            Repay = M(dto.RepayAmount),
            Settlement = M(dto.SettlementAmount),
        };
    }

    private static Currency CurrencyOf(string? code, string what) =>
        Currency.TryFromCode(code?.Trim().ToUpperInvariant(), out var currency)
            ? currency
            : throw Unusable($"The currency of {what} is missing or unknown ('{code}').");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static KlarnaApiException Unusable(string message) =>
        new(HttpStatusCode.OK, null, ["Klarna's Settlements answer is unusable: " + message], null);
}
