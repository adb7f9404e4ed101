using Xunit;
using Xunit.Sdk;

namespace Specter.Klarna.Invoicing.Testing;

/// <summary>Marks a <see cref="LedgerConformanceTests"/> fact: like <see cref="FactAttribute"/>, but skipped when the concrete test class carries a
/// <see cref="LedgerConformanceSkipAttribute"/> that gives a reason (for example, no database server on a developer machine).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Specter.Klarna.Invoicing.Testing.Internal.LedgerFactDiscoverer", "Specter.Klarna.Invoicing.Testing.Conformance")]
public sealed class LedgerFactAttribute : FactAttribute;
