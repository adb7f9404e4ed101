using Microsoft.Extensions.Options;

namespace Specter.Klarna.Invoicing.Klarna.Internal;

/// <summary>Validates the client's merchant profiles (registered with <c>ValidateOnStart</c>); the same checks guard the host's configuration.</summary>
internal sealed class KlarnaClientOptionsValidator : IValidateOptions<KlarnaClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KlarnaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Validate(options.Merchants, options.DefaultMerchant);
    }

    /// <summary>Checks merchant profiles and the default's name, as configured by the host.</summary>
    public static ValidateOptionsResult Validate(IDictionary<string, KlarnaMerchantOptions> merchants, string? defaultMerchant)
    {
        ArgumentNullException.ThrowIfNull(merchants);
        var builder = new ValidateOptionsResultBuilder();
        if (merchants.Count == 0)
        {
            builder.AddError("At least one Klarna merchant must be configured (Merchants).");
        }

        foreach (var (merchantName, merchant) in merchants)
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

        if (defaultMerchant is not null && !merchants.ContainsKey(defaultMerchant))
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
