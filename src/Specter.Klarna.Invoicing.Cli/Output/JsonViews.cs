using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Specter.Klarna.Invoicing.Cli.Output;

/// <summary>Machine-readable output (<c>--json</c>): amounts in minor units with their currency, enums as names.</summary>
internal static partial class JsonViews
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(JsonNode node) => node.ToJsonString(Indented);

    public static JsonObject Money(Money money) => new()
    {
        ["minorUnits"] = money.MinorUnits,
        ["currency"] = money.Currency.Code,
    };

    public static JsonObject Plan(InvoicePlan plan) => new()
    {
        ["invoiceNumber"] = plan.InvoiceNumber,
        ["orderNumber"] = plan.OrderNumber,
        ["type"] = plan.Type.ToString(),
        ["prepaymentPercent"] = plan.PrepaymentPercent,
        ["total"] = Money(plan.Total),
        ["vatTotal"] = Money(plan.VatTotal),
        ["lines"] = new JsonArray(plan.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["kind"] = l.Kind.ToString(),
            ["orderLineId"] = l.OrderLineId,
            ["articleNumber"] = l.ArticleNumber,
            ["description"] = l.Description,
            ["quantity"] = l.Quantity,
            ["unit"] = l.Unit,
            ["vatRate"] = l.VatRate,
            ["discount"] = l.DiscountAmount is { } d ? Money(d) : null,
            ["vat"] = Money(l.VatAmount),
            ["amount"] = Money(l.Amount),
        }).ToArray()),
        ["capture"] = plan.Capture is { } c
            ? new JsonObject { ["capturedAmount"] = Money(c.CapturedAmount), ["reference"] = c.Reference, ["description"] = c.Description, ["lineCount"] = c.Lines.Count }
            : null,
    };

    public static JsonObject Status(InvoiceActivationStatus status, CultureInfo culture) => new()
    {
        ["invoiceNumber"] = status.InvoiceNumber,
        ["state"] = status.State.ToString(),
        ["locked"] = status.IsLocked,
        ["klarnaOrderId"] = status.KlarnaOrderId,
        ["amount"] = status.Amount is { } a ? Money(a) : null,
        ["captureId"] = status.CaptureId,
        ["activatedAt"] = status.ActivatedAt,
        ["attempt"] = status.Attempt,
        ["text"] = status.GetText(culture),
        ["tooltip"] = status.GetTooltip(culture),
        ["failure"] = status.Failure is { } f
            ? new JsonObject
            {
                ["httpStatus"] = f.HttpStatus,
                ["errorCode"] = f.ErrorCode,
                ["errorMessages"] = new JsonArray(f.ErrorMessages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                ["correlationId"] = f.CorrelationId,
            }
            : null,
    };

    public static JsonObject Proposal(InvoiceProposal proposal, CultureInfo culture) => new()
    {
        ["orderNumber"] = proposal.OrderNumber,
        ["proposedType"] = proposal.Decision.Proposed?.ToString(),
        ["reason"] = proposal.Decision.Reason.ToString(),
        ["allowedTypes"] = new JsonArray(proposal.Decision.Allowed.Select(t => (JsonNode?)JsonValue.Create(t.ToString())).ToArray()),
        ["deliveryCount"] = proposal.DeliveryCount,
        ["klarnaOrderId"] = proposal.KlarnaOrderId,
        ["reservationText"] = proposal.GetReservationText(culture),
        ["reservation"] = proposal.Reservation is { } r
            ? new JsonObject
            {
                ["status"] = r.Status.ToString(),
                ["fraudStatus"] = r.FraudStatus.ToString(),
                ["remainingAuthorized"] = Money(r.RemainingAuthorizedAmount),
                ["captured"] = Money(r.CapturedAmount),
                ["expiresAt"] = r.ExpiresAt,
            }
            : null,
        ["canCreate"] = proposal.CanCreate,
        ["printByDefault"] = proposal.PrintByDefault,
        ["emailByDefault"] = proposal.EmailByDefault,
        ["plan"] = proposal.Plan is { } plan ? Plan(plan) : null,
        ["warnings"] = new JsonArray(proposal.Warnings.Select(w => (JsonNode)new JsonObject
        {
            ["code"] = w.Code.ToString(),
            ["blocking"] = w.IsBlocking,
            ["message"] = w.GetMessage(culture),
        }).ToArray()),
        ["violations"] = new JsonArray(proposal.Violations.Select(v => (JsonNode)new JsonObject
        {
            ["rule"] = v.Rule.ToString(),
            ["message"] = v.GetMessage(culture),
        }).ToArray()),
    };

    public static JsonObject Result(InvoiceResult result, CultureInfo culture) => new()
    {
        ["plan"] = Plan(result.Plan),
        ["status"] = Status(result.Status, culture),
        ["remainingAuthorizationReleased"] = result.RemainingAuthorizationReleased,
        ["warnings"] = new JsonArray(result.Warnings.Select(w => (JsonNode)new JsonObject
        {
            ["code"] = w.Code.ToString(),
            ["blocking"] = w.IsBlocking,
            ["message"] = w.GetMessage(culture),
        }).ToArray()),
    };

    public static JsonObject KlarnaOrder(KlarnaOrder order) => new()
    {
        ["orderId"] = order.OrderId,
        ["status"] = order.Status.ToString(),
        ["fraudStatus"] = order.FraudStatus.ToString(),
        ["currency"] = order.Currency.Code,
        ["orderAmount"] = order.OrderAmount.MinorUnits,
        ["originalOrderAmount"] = order.OriginalOrderAmount.MinorUnits,
        ["capturedAmount"] = order.CapturedAmount.MinorUnits,
        ["refundedAmount"] = order.RefundedAmount.MinorUnits,
        ["remainingAuthorizedAmount"] = order.RemainingAuthorizedAmount.MinorUnits,
        ["merchantReference1"] = order.MerchantReference1,
        ["createdAt"] = order.CreatedAt,
        ["expiresAt"] = order.ExpiresAt,
        ["captures"] = new JsonArray(order.Captures.Select(c => (JsonNode)new JsonObject
        {
            ["captureId"] = c.CaptureId,
            ["reference"] = c.Reference,
            ["capturedAmount"] = c.CapturedAmount,
            ["refundedAmount"] = c.RefundedAmount,
            ["capturedAt"] = c.CapturedAt,
        }).ToArray()),
    };

    public static JsonObject Recovery(RecoveryReport report, CultureInfo culture) => new()
    {
        ["examined"] = report.Examined,
        ["stillUnsettled"] = report.StillUnsettled,
        ["settled"] = new JsonArray(report.Settled.Select(s => (JsonNode)Status(s, culture)).ToArray()),
    };

    public static JsonObject Error(int exitCode, string kind, string message, string? code = null) => new()
    {
        ["exitCode"] = exitCode,
        ["error"] = kind,
        ["code"] = code,
        ["message"] = message,
    };
}
