namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>What Klarna answers a 201 with: the id header (<c>Capture-Id</c> or <c>Refund-Id</c>) and <c>Location</c>.</summary>
internal sealed record KlarnaCreated(string Id, Uri? Location);
