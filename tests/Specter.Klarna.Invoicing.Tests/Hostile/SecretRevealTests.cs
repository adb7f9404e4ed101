using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Specter.Klarna.Invoicing.Testing;
using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Hostile;

/// <summary>
/// Every public type that holds a secret (found by reflection: a member or parameter named like a password, key,
/// secret or connection string, or a member of such a type) keeps it out of ToString(), its debugger display and
/// JSON serialization.
/// </summary>
public sealed class SecretRevealTests(ITestOutputHelper output)
{
    private const string Secret = "Pa55-w0rd-SECRET-4711";

    private static readonly Dictionary<Type, Func<object>> Instances = new()
    {
        [typeof(KlarnaMerchantOptions)] = () => Merchant(),
        [typeof(KlarnaInvoicingOptions)] = () => new KlarnaInvoicingOptions { Merchants = { ["SE"] = Merchant() } },
        [typeof(KlarnaSimulator)] = () => new KlarnaSimulator().AddMerchant("PK_user", Secret),
    };

    [Fact]
    public void PublicTypesHoldingSecrets_DoNotRevealThem()
    {
        var holders = new[] { typeof(KlarnaInvoicingOptions).Assembly, typeof(KlarnaSimulator).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => HoldsSecret(t, depth: 2))
            .ToList();

        holders.Should().Contain(Instances.Keys, "the scan must find the known holders").And.OnlyContain(t => Instances.ContainsKey(t), "every holder needs an instance here");
        foreach (var type in holders)
        {
            var instance = Instances[type]();
            instance.ToString().Should().NotContain(Secret, type.Name + ".ToString()");
            Serialize(instance).Should().NotContain(Secret, type.Name + " serialized");
            type.GetCustomAttribute<DebuggerDisplayAttribute>()?.Value.Should().NotContainAny(["Password", "Secret", "Key", "Connection"]);
        }

        output.WriteLine($"secret holders checked: {holders.Count} ({string.Join(", ", holders.Select(t => t.Name))})");
    }

    private static KlarnaMerchantOptions Merchant() => new() { Username = "PK_user", Password = Secret, BaseAddress = new Uri("http://127.0.0.1:1/") };

    private static bool IsSecretName(string name) =>
        new[] { "password", "secret", "apikey", "connectionstring", "credential" }.Any(s => name.Replace("_", "", StringComparison.Ordinal).Contains(s, StringComparison.OrdinalIgnoreCase));

    private static bool HoldsSecret(Type type, int depth)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;
        if (type.GetProperties(Public).Any(p => IsSecretName(p.Name))
            || type.GetConstructors().Concat<MethodBase>(type.GetMethods(Public)).Any(m => m.GetParameters().Any(p => IsSecretName(p.Name ?? ""))))
        {
            return true;
        }

        return depth > 0 && type.GetProperties(Public)
            .SelectMany(p => p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments() : [p.PropertyType])
            .Any(t => t != type && t.Assembly == type.Assembly && HoldsSecret(t, depth - 1));
    }

    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), ReferenceHandler = ReferenceHandler.IgnoreCycles, MaxDepth = 16 };

    private static string Serialize(object instance) => JsonSerializer.Serialize(instance, instance.GetType(), Reflection);
}
