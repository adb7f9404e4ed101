using Xunit.Abstractions;
using Xunit.Sdk;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>Discovers <see cref="LedgerFactAttribute"/> facts as <see cref="LedgerTestCase"/>s, which read the concrete class's skip reason.</summary>
internal sealed class LedgerFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new LedgerTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
