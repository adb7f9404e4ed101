using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Specter.Klarna.Invoicing.DependencyInjection.Internal;
using Specter.Klarna.Invoicing.Klarna.Internal;

namespace Specter.Klarna.Invoicing.Tests.Klarna;

public sealed class KlarnaOptionsTests
{
    private static KlarnaInvoicingOptions With(Action<KlarnaMerchantOptions> configure, string name = "se")
    {
        var merchant = new KlarnaMerchantOptions { Username = "PK1", Password = "pw" };
        configure(merchant);
        var options = new KlarnaInvoicingOptions();
        options.Merchants[name] = merchant;
        return options;
    }

    private static ValidateOptionsResult Validate(KlarnaInvoicingOptions options) => new MerchantProfilesValidator().Validate(null, options);

    [Fact]
    public void Defaults_ArePinned()
    {
        var merchant = new KlarnaMerchantOptions();
        merchant.Environment.Should().Be(KlarnaEnvironment.Playground);
        merchant.Region.Should().Be(KlarnaRegion.Europe);
        merchant.BaseAddress.Should().BeNull();
        merchant.EffectiveRequestsPerSecond.Should().Be(40);
        new KlarnaMerchantOptions { Environment = KlarnaEnvironment.Production }.EffectiveRequestsPerSecond.Should().Be(150);
        new KlarnaMerchantOptions { RequestsPerSecond = 7 }.EffectiveRequestsPerSecond.Should().Be(7);
        new KlarnaInvoicingOptions().DefaultMerchant.Should().BeNull();
        new KlarnaInvoicingOptions().Merchants.Should().BeEmpty();
    }

    [Fact]
    public void Merchants_AreCaseInsensitive()
    {
        var options = With(_ => { }, "Sweden");
        options.Merchants.ContainsKey("SWEDEN").Should().BeTrue();
    }

    [Theory]
    [InlineData(KlarnaEnvironment.Production, KlarnaRegion.Europe, "https://api.klarna.com/")]
    [InlineData(KlarnaEnvironment.Production, KlarnaRegion.NorthAmerica, "https://api-na.klarna.com/")]
    [InlineData(KlarnaEnvironment.Production, KlarnaRegion.Oceania, "https://api-oc.klarna.com/")]
    [InlineData(KlarnaEnvironment.Playground, KlarnaRegion.Europe, "https://api.playground.klarna.com/")]
    [InlineData(KlarnaEnvironment.Playground, KlarnaRegion.NorthAmerica, "https://api-na.playground.klarna.com/")]
    [InlineData(KlarnaEnvironment.Playground, KlarnaRegion.Oceania, "https://api-oc.playground.klarna.com/")]
    public void BaseAddress_FollowsEnvironmentAndRegion(KlarnaEnvironment environment, KlarnaRegion region, string expected) =>
        KlarnaEndpoints.BaseAddressOf(new KlarnaMerchantOptions { Environment = environment, Region = region }).ToString().Should().Be(expected);

    [Theory]
    [InlineData("https://api.playground.klarna.com", KlarnaEnvironment.Playground)]
    [InlineData("https://API-NA.playground.klarna.com/", KlarnaEnvironment.Playground)]
    [InlineData("https://api.klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("http://127.0.0.1:5000/", KlarnaEnvironment.Playground)]
    [InlineData("http://127.8.9.10/", KlarnaEnvironment.Production)]
    [InlineData("http://[::1]:8080/", KlarnaEnvironment.Playground)]
    [InlineData("http://localhost:4010", KlarnaEnvironment.Playground)]
    public void BaseAddress_Accepted(string uri, KlarnaEnvironment environment) =>
        Validate(With(m => { m.BaseAddress = new Uri(uri); m.Environment = environment; })).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData("http://api.klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("https://api.klarna.com.evil.example/", KlarnaEnvironment.Production)]
    [InlineData("https://evil-api.klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("https://klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("https://api.klarna.com:8443/", KlarnaEnvironment.Production)]
    [InlineData("https://user:pw@api.klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("https://api.klarna.com/?x=1", KlarnaEnvironment.Production)]
    [InlineData("https://api.klarna.com/#frag", KlarnaEnvironment.Production)]
    [InlineData("https://api.klarna.com/", KlarnaEnvironment.Playground)]
    [InlineData("https://api.playground.klarna.com/", KlarnaEnvironment.Production)]
    [InlineData("http://10.0.0.5/", KlarnaEnvironment.Playground)]
    [InlineData("http://localhost.evil.example/", KlarnaEnvironment.Playground)]
    [InlineData("ftp://127.0.0.1/", KlarnaEnvironment.Playground)]
    public void BaseAddress_Refused(string uri, KlarnaEnvironment environment)
    {
        var result = Validate(With(m => { m.BaseAddress = new Uri(uri); m.Environment = environment; }));

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("BaseAddress").And.NotContain("pw@");
    }

    [Fact]
    public void TestKeyAgainstProduction_IsRefused() =>
        Validate(With(m => { m.Username = null; m.Password = "klarna_test_api_x"; m.Environment = KlarnaEnvironment.Production; }))
            .FailureMessage.Should().Contain("playground API key").And.NotContain("klarna_test_api_x");

    [Fact]
    public void LiveKeyAgainstPlayground_IsRefused() =>
        Validate(With(m => { m.Username = null; m.Password = "klarna_live_api_x"; }))
            .FailureMessage.Should().Contain("live API key").And.NotContain("klarna_live_api_x");

    [Fact]
    public void ApiKeyWithoutUsername_IsAccepted() =>
        Validate(With(m => { m.Username = null; m.Password = "klarna_test_api_x"; })).Succeeded.Should().BeTrue();

    [Theory]
    [InlineData(null, "pw")]
    [InlineData("", "pw")]
    [InlineData("PK1", null)]
    [InlineData("PK1", " ")]
    [InlineData("PK:1", "pw")]
    public void MissingOrBadCredentials_AreRefused(string? username, string? password) =>
        Validate(With(m => { m.Username = username; m.Password = password; })).Failed.Should().BeTrue();

    [Fact]
    public void NoMerchant_IsRefused() => Validate(new KlarnaInvoicingOptions()).FailureMessage.Should().Contain("At least one");

    [Fact]
    public void DefaultMerchant_MustNameAConfiguredMerchant()
    {
        var options = With(_ => { });
        options.DefaultMerchant = "fi";
        Validate(options).FailureMessage.Should().Contain("DefaultMerchant");
        options.DefaultMerchant = "SE";
        Validate(options).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RequestsPerSecond_MustBePositive(int rps) => Validate(With(m => m.RequestsPerSecond = rps)).Failed.Should().BeTrue();

    [Fact]
    public void MerchantToString_NeverPrintsSecrets()
    {
        var text = new KlarnaMerchantOptions { Username = "PK_user", Password = "klarna_live_api_SECRET" }.ToString();

        text.Should().NotContain("SECRET").And.NotContain("PK_user").And.Contain("klarna_live_***");
        new KlarnaMerchantOptions { Password = "hunter2" }.ToString().Should().NotContain("hunter2");
    }

    [Fact]
    public void InvalidOptions_ThrowOnResolve_WithoutSecrets()
    {
        var services = new ServiceCollection();
        KlarnaClientOptionsView.Register(services);
        services.AddKlarnaOrderManagementClient();
        services.Configure<KlarnaInvoicingOptions>(o => o.Merchants["se"] = new KlarnaMerchantOptions { Password = "klarna_live_api_TOPSECRET" });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<KlarnaInvoicingOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().NotContain("TOPSECRET");
    }

    [Fact]
    public void ValidateOnStart_IsRegistered()
    {
        var services = new ServiceCollection();
        services.AddKlarnaOrderManagementClient();

        services.Should().Contain(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) || d.ServiceType.Name.Contains("StartupValidator", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolver_SingleMerchant_IsTheDefault_SeveralNeedAName()
    {
        var single = With(_ => { });
        new KlarnaMerchantResolver(new KlarnaClientOptionsView(new StaticMonitor(single))).Resolve(null).Name.Should().Be("se");
        single.Merchants["no"] = new KlarnaMerchantOptions { Username = "u", Password = "p" };
        var act = () => new KlarnaMerchantResolver(new KlarnaClientOptionsView(new StaticMonitor(single))).Resolve(null);
        act.Should().Throw<InvalidOperationException>().WithMessage("*DefaultMerchant*");
    }

    private sealed class StaticMonitor(KlarnaInvoicingOptions value) : IOptionsMonitor<KlarnaInvoicingOptions>
    {
        public KlarnaInvoicingOptions CurrentValue => value;

        public KlarnaInvoicingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<KlarnaInvoicingOptions, string?> listener) => null;
    }
}
