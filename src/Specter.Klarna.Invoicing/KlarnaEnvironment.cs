namespace Specter.Klarna.Invoicing;

/// <summary>The Klarna environment a merchant profile talks to.</summary>
public enum KlarnaEnvironment
{
    /// <summary>The playground (test) environment, <c>api*.playground.klarna.com</c>; takes <c>klarna_test_…</c> API keys.</summary>
    Playground = 0,

    /// <summary>The production (live) environment, <c>api*.klarna.com</c>; takes <c>klarna_live_…</c> API keys. Moves real money.</summary>
    Production = 1,
}
