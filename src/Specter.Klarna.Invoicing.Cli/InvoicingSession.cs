using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.Cli.Ledger;
using Specter.Klarna.Invoicing.Testing;

namespace Specter.Klarna.Invoicing.Cli;

/// <summary>The library wired for one CLI run: options from the settings, the ledger from the factory.</summary>
internal sealed class InvoicingSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CliLedger _ledger;

    private InvoicingSession(ServiceProvider services, CliLedger ledger)
    {
        _services = services;
        _ledger = ledger;
        Invoicing = services.GetRequiredService<IKlarnaInvoicing>();
    }

    public IKlarnaInvoicing Invoicing { get; }

    /// <summary>Gets payment marking (the session was opened with it), or throws.</summary>
    public IKlarnaPaymentMarking Marking => _services.GetRequiredService<IKlarnaPaymentMarking>();

    public string? LedgerNotice => _ledger.Notice;

    /// <summary>How many activations are Pending or Unknown: the work <c>recover</c> has ahead of it.</summary>
    public async Task<int> CountUnsettledAsync(CancellationToken cancellationToken) =>
        (await _ledger.Ledger.ListUnsettledAsync(cancellationToken).ConfigureAwait(false)).Invoices.Count;

    public static async Task<InvoicingSession> OpenAsync(
        CliSettings settings,
        ILedgerFactory ledgerFactory,
        CancellationToken cancellationToken,
        Action<KlarnaInvoicingOptions>? configure = null,
        Action<IKlarnaInvoicingBuilder>? configureBuilder = null,
        bool paymentMarking = false)
    {
        var ledger = await ledgerFactory.OpenAsync(settings.LedgerPath, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection();
        services.AddLogging(); // no providers: the CLI prints results, not logs (and never credentials)
        var builder = services
            .AddKlarnaInvoicing(o =>
            {
                o.IdempotencyNamespace = ledger.IdempotencyNamespace;
                o.DefaultMerchant = settings.Merchant;
                o.Merchants[settings.Merchant] = new KlarnaMerchantOptions
                {
                    Environment = settings.Environment,
                    Region = settings.Region,
                    BaseAddress = settings.BaseUrl,
                    Username = settings.Username,
                    Password = settings.Password,
                    AllowPrepaymentCapture = settings.AllowPrepaymentCapture,
                };
                configure?.Invoke(o);
            })
            .AddLedger(_ => ledger.Ledger);
        if (paymentMarking)
        {
            var store = ledger.MarkingStore ?? (ledger.Ledger is InMemoryKlarnaInvoiceLedger inMemory
                ? new InMemoryKlarnaPaymentMarkingStore(inMemory)
                : throw new InvalidOperationException("This ledger has no payment-marking store."));
            builder.AddPaymentMarking().AddPaymentMarkingStore(_ => store);
        }

        configureBuilder?.Invoke(builder);
        var provider = services.BuildServiceProvider(validateScopes: true);
        try
        {
            // Validate now (base URL, credentials' shape) so a bad option is an input error before anything is read or written.
            _ = provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value;
            return new InvoicingSession(provider, ledger);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            await ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads and validates an order file; the CLI's single merchant profile replaces the file's <c>merchant</c>.</summary>
    public static InvoicingOrder ReadOrder(string path, string merchant)
    {
        string json;
        try
        {
            // Refused by size before reading: a huge file must not be loaded into memory only to be rejected.
            var size = new FileInfo(path) is { Exists: true } info ? info.Length : 0;
            if (size > InvoicingOrderJson.MaxLength)
            {
                throw new CliUsageException($"order file {path} is {size} bytes; at most {InvoicingOrderJson.MaxLength} are allowed (not read)");
            }

            json = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"order file not found: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliUsageException($"order file not found: {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read order file {path}: {ex.Message}");
        }

        try
        {
            return InvoicingOrderJson.Parse(json) with { Merchant = merchant };
        }
        catch (InvoicingOrderValidationException ex)
        {
            throw new CliUsageException($"invalid order {path}: {Describe(ex)}");
        }
    }

    public static string Describe(InvoicingOrderValidationException ex)
    {
        if (ex.Errors.Count == 0)
        {
            return OneLine(ex.Message);
        }

        var first = ex.Errors[0];
        string line = first.LineId is null ? string.Empty : $" (line {first.LineId})";
        string more = ex.Errors.Count > 1 ? $" (and {ex.Errors.Count - 1} more)" : string.Empty;
        return OneLine($"{first.Code} at {first.Field}{line}: {first.Message}{more}");
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await _ledger.DisposeAsync().ConfigureAwait(false);
    }
}
