using System.Text.Json.Nodes;
using Specter.Klarna.Invoicing.Cli.Output;

namespace Specter.Klarna.Invoicing.Cli.Commands;

/// <summary>One file of <c>invoice-all</c>: read it, invoice it, and turn any outcome into a row; never throws for one file.</summary>
internal sealed class BatchInvoicer(IKlarnaInvoicing invoicing, CliSettings settings, Views views, InvoiceType? type, decimal? percent, CancellationToken cancellationToken)
{
    public BatchItem Read(int index, string path, string invoiceNumber)
    {
        try
        {
            return new BatchItem(index, Path.GetFileName(path), invoiceNumber, InvoicingSession.ReadOrder(path, settings.Merchant), null);
        }
        catch (CliUsageException ex)
        {
            return new BatchItem(index, Path.GetFileName(path), invoiceNumber, null, ex);
        }
    }

    public async Task<BatchRow> InvoiceAsync(BatchItem item)
    {
        if (item.ReadError is { } readError)
        {
            return Error(item, readError);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Error(item, new CliOutcomeException(ExitCodes.Unexpected, "cancelled", settings.T("avbrutet innan start; inget skrevs", "cancelled before it started; nothing was written")));
        }

        try
        {
            var result = await invoicing.CreateInvoiceAsync(
                item.Order!,
                new CreateInvoiceRequest { InvoiceNumber = item.Invoice, Type = type, PrepaymentPercent = percent },
                cancellationToken).ConfigureAwait(false);
            int exit = ErrorMapper.ForStatus(result.Status);
            return new BatchRow(item.Index, item.File, item.Invoice, exit, Outcome(result.Status), views.Money(result.Plan.Total),
                new JsonObject { ["file"] = item.File, ["exitCode"] = exit, ["result"] = JsonViews.Result(result, settings.Culture) });
        }
        catch (Exception ex) when (FailureTruth.Applies(ex, cancellationToken))
        {
            return Error(item, await FailureTruth.ExplainAsync(ex, invoicing, item.Invoice, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Error(item, ex);
        }
    }

    /// <summary>The status text, and for a refusal Klarna's error code and messages word for word.</summary>
    private string Outcome(InvoiceActivationStatus status)
    {
        string text = status.GetText(settings.Culture);
        if (status.State == ActivationState.Failed && status.Failure is { } failure)
        {
            var reason = new[] { failure.ErrorCode }.Concat(failure.ErrorMessages).Where(s => !string.IsNullOrEmpty(s) && !text.Contains(s!, StringComparison.Ordinal));
            text = string.Join(" — ", new[] { text }.Concat(reason!));
        }

        return InvoicingSession.OneLine(text);
    }

    private BatchRow Error(BatchItem item, Exception exception)
    {
        var (exit, kind, message, code) = ErrorMapper.Map(exception, settings);
        message = InvoicingSession.OneLine(message);
        return new BatchRow(item.Index, item.File, item.Invoice, exit, message, "-",
            new JsonObject { ["file"] = item.File, ["exitCode"] = exit, ["invoiceNumber"] = item.Invoice, ["error"] = JsonViews.Error(exit, kind, message, code) });
    }
}

/// <summary>A file of the batch: its order, or why it could not be read.</summary>
internal sealed record BatchItem(int Index, string File, string Invoice, InvoicingOrder? Order, Exception? ReadError);
