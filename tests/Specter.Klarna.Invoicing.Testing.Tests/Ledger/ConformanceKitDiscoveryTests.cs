using System.Reflection;
using Xunit.Sdk;

namespace Specter.Klarna.Invoicing.Testing.Tests.Ledger;

/// <summary>
/// The kit's facts are found by xunit through a discoverer named by type and assembly name in a string: if that string
/// goes stale (the kit moved package once), every host's conformance facts silently stop running. Prove it resolves.
/// </summary>
public sealed class ConformanceKitDiscoveryTests
{
    [Fact]
    public void LedgerFact_NamesADiscovererThatResolves_AndTheKitsHaveFacts()
    {
        var named = typeof(LedgerFactAttribute).GetCustomAttributesData().Single(a => a.AttributeType == typeof(XunitTestCaseDiscovererAttribute));
        var typeName = (string)named.ConstructorArguments[0].Value!;
        var assemblyName = (string)named.ConstructorArguments[1].Value!;

        var discoverer = Type.GetType(typeName + ", " + assemblyName, throwOnError: false);

        discoverer.Should().NotBeNull("xunit loads '{0}' from '{1}'", typeName, assemblyName);
        discoverer!.Should().Implement<IXunitTestCaseDiscoverer>();
        FactsOf(typeof(LedgerConformanceTests)).Should().BeGreaterThan(20);
        FactsOf(typeof(PaymentMarkingStoreConformanceTests)).Should().BeGreaterThan(3);
    }

    private static int FactsOf(Type kit) =>
        kit.GetMethods(BindingFlags.Public | BindingFlags.Instance).Count(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any());
}
