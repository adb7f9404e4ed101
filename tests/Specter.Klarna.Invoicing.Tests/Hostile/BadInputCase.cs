using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>One invalid input: what to do, the exception type it must raise, and the words its message must contain (the problem and the field).</summary>
/// <param name="Area">Where the input enters: order, json, request, lock, klarna-id, options.</param>
/// <param name="Name">What is wrong.</param>
/// <param name="Act">Feeds the bad input.</param>
/// <param name="Expected">The exception type (exact).</param>
/// <param name="MessageNames">Every fragment must appear in the message (case-insensitive): the field and the problem.</param>
/// <param name="Typed">The typed detail (error code and field, rule), or null when the type says it all.</param>
/// <param name="ReadsKlarna">True only where Klarna alone can tell (an unknown order id): one read is allowed, no write.</param>
internal sealed record BadInputCase(
    string Area,
    string Name,
    Func<BadInputScene, Task> Act,
    Type Expected,
    string[] MessageNames,
    Func<Exception, bool>? Typed = null,
    bool ReadsKlarna = false)
{
    public override string ToString() => $"{Area}: {Name}";

    public static BadInputCase Order(string name, Func<BadInputScene, InvoicingOrder> order, OrderValidationErrorCode code, string field, params string[] names) =>
        new("order", name, s => s.Create(order(s)), typeof(InvoicingOrderValidationException), names,
            e => ((InvoicingOrderValidationException)e).Errors.Any(x => x.Code == code && x.Field == field));

    public static BadInputCase JsonCase(string name, Func<BadInputScene, string> json, OrderValidationErrorCode code, string path, params string[] names) =>
        new("json", name, s => s.ParseAndCreate(json(s)), typeof(InvoicingOrderValidationException), path == "$" ? names : [path, .. names],
            e => ((InvoicingOrderValidationException)e).Errors.Any(x => x.Code == code && x.Field.StartsWith(path, StringComparison.Ordinal)));

    public static BadInputCase Rule(string area, string name, Func<BadInputScene, Task> act, KlarnaInvoicingRule rule, params string[] names) =>
        new(area, name, act, typeof(KlarnaInvoicingRuleException), names, e => ((KlarnaInvoicingRuleException)e).Rule == rule);

    public static BadInputCase Argument(string area, string name, Func<BadInputScene, Task> act, params string[] names) =>
        new(area, name, act, typeof(ArgumentException), names);

    public static BadInputCase Null(string area, string name, Func<BadInputScene, Task> act, string parameter) =>
        new(area, name, act, typeof(ArgumentNullException), [parameter], e => ((ArgumentNullException)e).ParamName == parameter);

    public static BadInputCase Options(string name, Action<KlarnaInvoicingOptions> configure, params string[] names) =>
        new("options", name, s => s.WithOptions(configure), typeof(OptionsValidationException), names);

    public static BadInputCase Timeouts(string name, Action<KlarnaTimeoutOptions> configure, params string[] names) =>
        new("options", name, s => s.WithOptions(_ => { }, configure), typeof(OptionsValidationException), names);
}
