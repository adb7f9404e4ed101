using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.DependencyInjection.Internal;

/// <summary>Validates the invoicing part of <see cref="KlarnaInvoicingOptions"/> at start-up.</summary>
internal sealed class InvoicingOptionsValidator : IValidateOptions<KlarnaInvoicingOptions>
{
    private static readonly TimeSpan KlarnaKeyWindow = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, KlarnaInvoicingOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.IdempotencyNamespace == Guid.Empty)
        {
            builder.AddError("must be a random GUID generated once per installation and kept forever (it makes idempotency keys deterministic and unguessable).", nameof(options.IdempotencyNamespace));
        }

        if (options.ExpiryWarningDays is < 0 or > 180)
        {
            builder.AddError("must be between 0 and 180 days.", nameof(options.ExpiryWarningDays));
        }

        if (options.IdempotencyKeyLifetime <= TimeSpan.Zero || options.IdempotencyKeyLifetime >= KlarnaKeyWindow)
        {
            builder.AddError("must be positive and shorter than Klarna's 24-hour idempotency window.", nameof(options.IdempotencyKeyLifetime));
        }

        if (options.RecoveryGracePeriod < TimeSpan.Zero)
        {
            builder.AddError("must not be negative.", nameof(options.RecoveryGracePeriod));
        }

        return builder.Build();
    }
}
