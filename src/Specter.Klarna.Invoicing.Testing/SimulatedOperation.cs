namespace Specter.Klarna.Invoicing.Testing;

/// <summary>The Klarna Order Management and Settlements operations the simulator implements.</summary>
public enum SimulatedOperation
{
    /// <summary><c>GET /orders/{order_id}</c>.</summary>
    GetOrder,

    /// <summary><c>POST /orders/{order_id}/captures</c>.</summary>
    CreateCapture,

    /// <summary><c>GET /orders/{order_id}/captures</c>.</summary>
    ListCaptures,

    /// <summary><c>GET /orders/{order_id}/captures/{capture_id}</c>.</summary>
    GetCapture,

    /// <summary><c>POST /orders/{order_id}/captures/{capture_id}/shipping-info</c>.</summary>
    AddShippingInfo,

    /// <summary><c>POST /orders/{order_id}/captures/{capture_id}/trigger-send-out</c>.</summary>
    TriggerSendOut,

    /// <summary><c>POST /orders/{order_id}/refunds</c>.</summary>
    CreateRefund,

    /// <summary><c>GET /orders/{order_id}/refunds/{refund_id}</c>.</summary>
    GetRefund,

    /// <summary><c>POST /orders/{order_id}/cancel</c>.</summary>
    CancelOrder,

    /// <summary><c>POST /orders/{order_id}/release-remaining-authorization</c>.</summary>
    ReleaseRemainingAuthorization,

    /// <summary><c>POST /orders/{order_id}/extend-authorization-time</c>.</summary>
    ExtendAuthorizationTime,

    /// <summary><c>PATCH /orders/{order_id}/merchant-references</c>.</summary>
    UpdateMerchantReferences,

    /// <summary><c>PATCH /orders/{order_id}/authorization</c>.</summary>
    UpdateAuthorization,

    /// <summary>Settlements <c>GET /settlements/v1/payouts</c>.</summary>
    ListPayouts,

    /// <summary>Settlements <c>GET /settlements/v1/payouts/{payment_reference}</c>.</summary>
    GetPayout,

    /// <summary>Settlements <c>GET /settlements/v1/payouts/summary</c>.</summary>
    GetPayoutSummary,

    /// <summary>Settlements <c>GET /settlements/v1/transactions</c>.</summary>
    ListTransactions,
}
