namespace Specter.Klarna.Invoicing;

/// <summary>What undoes an order at Klarna (docs/corrections.md).</summary>
public enum CorrectionKind
{
    /// <summary>Nothing is held or captured at Klarna for the order: nothing to undo there.</summary>
    Nothing = 0,

    /// <summary>Nothing is captured: cancel the Klarna order (<see cref="IKlarnaInvoicing.CancelReservationAsync"/>).</summary>
    Cancel = 1,

    /// <summary>Captured invoices remain: credit them (<see cref="IKlarnaInvoicing.CreateCreditAsync"/>); release what is still authorized.</summary>
    Credit = 2,

    /// <summary>Everything captured is credited, but Klarna still holds an authorization: release it (<see cref="IKlarnaInvoicing.ReleaseRemainingAuthorizationAsync"/>).</summary>
    Release = 3,
}
