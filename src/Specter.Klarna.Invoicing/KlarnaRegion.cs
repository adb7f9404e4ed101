namespace Specter.Klarna.Invoicing;

/// <summary>The Klarna region of a merchant account; each region has its own base URL and credentials.</summary>
public enum KlarnaRegion
{
    /// <summary>Europe: <c>https://api.klarna.com</c> / <c>https://api.playground.klarna.com</c>.</summary>
    Europe = 0,

    /// <summary>North America: <c>https://api-na.klarna.com</c> / <c>https://api-na.playground.klarna.com</c>.</summary>
    NorthAmerica = 1,

    /// <summary>Oceania: <c>https://api-oc.klarna.com</c> / <c>https://api-oc.playground.klarna.com</c>.</summary>
    Oceania = 2,
}
