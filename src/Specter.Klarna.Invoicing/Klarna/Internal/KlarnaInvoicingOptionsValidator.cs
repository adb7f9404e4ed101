using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Validates the connection part of <see cref="KlarnaInvoicingOptions"/> (registered with <c>ValidateOnStart</c>).</summary>
internal sealed class KlarnaInvoicingOptionsValidator : IValidateOptions<KlarnaInvoicingOptions>
{
    public ValidateOptionsResult Validate(string? name, KlarnaInvoicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.Merchants.Count == 0)
        {
            builder.AddError("At least one Klarna merchant must be configured (Merchants).");
        }

        foreach (var (merchantName, merchant) in options.Merchants)
        {
            var at = $"Merchants[{merchantName}]";
            if (string.IsNullOrWhiteSpace(merchantName))
            {
                builder.AddError("A merchant profile name must not be empty.");
            }

            if (merchant is null)
            {
                builder.AddError($"{at} is null.");
                continue;
            }

            ValidateMerchant(builder, at, merchant);
        }

        if (options.DefaultMerchant is { } defaultMerchant && !options.Merchants.ContainsKey(defaultMerchant))
        {
            builder.AddError($"DefaultMerchant '{defaultMerchant}' names no configured merchant.");
        }

        return builder.Build();
    }

    private static void ValidateMerchant(ValidateOptionsResultBuilder builder, string at, KlarnaMerchantOptions merchant)
    {
        if (!Enum.IsDefined(merchant.Environment))
        {
            builder.AddError($"{at}.Environment {(int)merchant.Environment} is not a Klarna environment.");
            return;
        }

        if (!Resources.KlarnaTexts.Languages.Contains(merchant.Language, StringComparer.Ordinal))
        {
            builder.AddError($"{at}.Language '{merchant.Language}' is not a language the texts sent to Klarna are written in; allowed: {string.Join(", ", Resources.KlarnaTexts.Languages)}.");
        }

        if (!Enum.IsDefined(merchant.Region))
        {
            builder.AddError($"{at}.Region {(int)merchant.Region} is not a Klarna region.");
            return;
        }

        if (string.IsNullOrWhiteSpace(merchant.Password))
        {
            builder.AddError($"{at}.Password (password or API key) is required.");
        }
        else
        {
            var isTestKey = merchant.Password.StartsWith("klarna_test_", StringComparison.Ordinal);
            var isLiveKey = merchant.Password.StartsWith("klarna_live_", StringComparison.Ordinal);
            if (isTestKey && merchant.Environment == KlarnaEnvironment.Production)
            {
                builder.AddError($"{at}: a playground API key (klarna_test_…) cannot be used against Production.");
            }

            if (isLiveKey && merchant.Environment == KlarnaEnvironment.Playground)
            {
                builder.AddError($"{at}: a live API key (klarna_live_…) cannot be used against the Playground.");
            }

            if (!isTestKey && !isLiveKey && string.IsNullOrWhiteSpace(merchant.Username))
            {
                builder.AddError($"{at}.Username is required unless Password is an API key (klarna_test_… or klarna_live_…).");
            }
        }

        if (merchant.Username is { } username && (username.Contains(':', StringComparison.Ordinal) || username.Any(char.IsControl)))
        {
            builder.AddError($"{at}.Username must not contain ':' or control characters.");
        }

        if (merchant.Password is { } password && password.Any(char.IsControl))
        {
            builder.AddError($"{at}.Password must not contain control characters.");
        }

        if (merchant.BaseAddress is { } baseAddress && KlarnaEndpoints.CheckBaseAddress(baseAddress, merchant.Environment) is { } reason)
        {
            builder.AddError($"{at}.BaseAddress {reason}.");
        }

        if (merchant.RequestsPerSecond is { } rps && rps is < 1 or > 10_000)
        {
            builder.AddError($"{at}.RequestsPerSecond must be between 1 and 10000.");
        }
    }
}
