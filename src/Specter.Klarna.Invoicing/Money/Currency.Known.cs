namespace Specter.Klarna.Invoicing;

public readonly partial struct Currency
{
    /// <summary>Gets the Swedish krona (2 digits).</summary>
    public static Currency SEK => FromCode("SEK");

    /// <summary>Gets the Norwegian krone (2 digits).</summary>
    public static Currency NOK => FromCode("NOK");

    /// <summary>Gets the Danish krone (2 digits).</summary>
    public static Currency DKK => FromCode("DKK");

    /// <summary>Gets the euro (2 digits).</summary>
    public static Currency EUR => FromCode("EUR");

    /// <summary>Gets the pound sterling (2 digits).</summary>
    public static Currency GBP => FromCode("GBP");

    /// <summary>Gets the US dollar (2 digits).</summary>
    public static Currency USD => FromCode("USD");

    /// <summary>Gets the Swiss franc (2 digits).</summary>
    public static Currency CHF => FromCode("CHF");

    /// <summary>Gets the Polish złoty (2 digits).</summary>
    public static Currency PLN => FromCode("PLN");

    /// <summary>Gets the Japanese yen (0 digits).</summary>
    public static Currency JPY => FromCode("JPY");
}
