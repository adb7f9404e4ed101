namespace Specter.Klarna.Invoicing;

/// <summary>What an ERP order line is, which decides how it is invoiced and which Klarna line type it becomes.</summary>
public enum OrderLineKind
{
    /// <summary>Physical goods, invoiced as they are delivered.</summary>
    Goods = 0,

    /// <summary>A service, invoiced like goods.</summary>
    Service = 1,

    /// <summary>Shipping; goes on the first invoice that carries goods, or pro rata (see <see cref="ShippingPolicy"/>).</summary>
    Shipping = 2,

    /// <summary>A fee (invoice fee, handling), invoiced like shipping.</summary>
    Fee = 3,

    /// <summary>An order-level discount (negative amount), spread pro rata over the goods invoiced.</summary>
    Discount = 4,

    /// <summary>A gift card or store credit used as payment (negative amount, VAT 0).</summary>
    GiftCard = 5,
}
