using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Timeouts must be positive and no attempt may outlast the whole call.</summary>
internal sealed class KlarnaTimeoutOptionsValidator : IValidateOptions<KlarnaTimeoutOptions>
{
    public ValidateOptionsResult Validate(string? name, KlarnaTimeoutOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (value, field) in new[] { (options.ReadAttemptTimeout, nameof(options.ReadAttemptTimeout)), (options.WriteAttemptTimeout, nameof(options.WriteAttemptTimeout)), (options.TotalRequestTimeout, nameof(options.TotalRequestTimeout)) })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10))
            {
                builder.AddError("must be positive and at most 10 minutes.", field);
            }
        }

        if (options.ReadAttemptTimeout > options.TotalRequestTimeout || options.WriteAttemptTimeout > options.TotalRequestTimeout)
        {
            builder.AddError("must be at least as long as each attempt timeout.", nameof(options.TotalRequestTimeout));
        }

        return builder.Build();
    }
}
