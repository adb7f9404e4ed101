using System.Globalization;
using System.Net;
using Specter.Klarna.Invoicing.Klarna.Internal.Models;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Maps Klarna's wire DTOs to the client's types, refusing answers no one should act on (implausible amounts, no currency).</summary>
internal static class KlarnaResponseMapper
{
    private const long MaxPlausibleAmount = 1_000_000_000_000_000;

    public static KlarnaOrder MapOrder(OrderDto dto, string requestedOrderId)
    {
        if (string.IsNullOrEmpty(dto.Status) || string.IsNullOrEmpty(dto.PurchaseCurrency))
        {
            throw new KlarnaApiException(HttpStatusCode.OK, null, ["Klarna's order answer lacks status or purchase_currency."], null);
        }

        // An unknown code is a typed refusal, not Currency.FromCode's ArgumentException: the amounts cannot be read without it.
        if (!Currency.TryFromCode(dto.PurchaseCurrency, out var currency))
        {
            throw Implausible("purchase_currency", KlarnaErrorParser.Excerpt(dto.PurchaseCurrency));
        }

        foreach (var (name, amount) in new[] { ("order_amount", dto.OrderAmount), ("original_order_amount", dto.OriginalOrderAmount), ("captured_amount", dto.CapturedAmount), ("refunded_amount", dto.RefundedAmount), ("remaining_authorized_amount", dto.RemainingAuthorizedAmount) })
        {
            CheckAmount(name, amount);
        }

        return new KlarnaOrder
        {
            OrderId = dto.OrderId ?? requestedOrderId,
            Status = new KlarnaOrderStatus(dto.Status),
            FraudStatus = dto.FraudStatus is null ? default : new KlarnaFraudStatus(dto.FraudStatus),
            Currency = currency,
            OrderAmount = new Money(dto.OrderAmount, currency),
            OriginalOrderAmount = new Money(dto.OriginalOrderAmount, currency),
            CapturedAmount = new Money(dto.CapturedAmount, currency),
            RefundedAmount = new Money(dto.RefundedAmount, currency),
            RemainingAuthorizedAmount = new Money(dto.RemainingAuthorizedAmount, currency),
            KlarnaReference = dto.KlarnaReference,
            MerchantReference1 = dto.MerchantReference1,
            MerchantReference2 = dto.MerchantReference2,
            CreatedAt = dto.CreatedAt,
            ExpiresAt = dto.ExpiresAt,
            Captures = [.. (dto.Captures ?? []).Select(MapCapture)],
            Refunds = [.. (dto.Refunds ?? []).Select(MapRefund)],
        };
    }

    public static KlarnaCapture MapCapture(CaptureDto dto)
    {
        CheckAmount("captured_amount", dto.CapturedAmount);
        CheckAmount("refunded_amount", dto.RefundedAmount);
        return new KlarnaCapture
        {
            CaptureId = dto.CaptureId ?? string.Empty,
            KlarnaReference = dto.KlarnaReference,
            CapturedAmount = dto.CapturedAmount,
            RefundedAmount = dto.RefundedAmount,
            CapturedAt = dto.CapturedAt,
            Reference = dto.Reference,
            Description = dto.Description,
        };
    }

    public static KlarnaRefund MapRefund(RefundDto dto)
    {
        CheckAmount("refunded_amount", dto.RefundedAmount);
        return new KlarnaRefund
        {
            RefundId = dto.RefundId ?? string.Empty,
            RefundedAmount = dto.RefundedAmount,
            RefundedAt = dto.RefundedAt,
            Reference = dto.Reference,
            Description = dto.Description,
        };
    }

    /// <summary>Amounts are minor units: a negative one, or one beyond 10^15 (sums would overflow), is no answer to act on.</summary>
    private static void CheckAmount(string name, long amount)
    {
        if (amount is < 0 or > MaxPlausibleAmount)
        {
            throw Implausible(name, amount.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static KlarnaApiException Implausible(string field, string value) =>
        new(HttpStatusCode.OK, null, [$"Klarna's answer has an implausible {field} ({value})."], null);
}
