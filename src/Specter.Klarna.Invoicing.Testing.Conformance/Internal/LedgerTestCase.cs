using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Specter.Klarna.Invoicing.Testing.Internal;

/// <summary>A fact whose skip reason also comes from a <see cref="LedgerConformanceSkipAttribute"/> on the concrete test class.</summary>
internal sealed class LedgerTestCase : XunitTestCase
{
    /// <summary>Initializes a new instance of the <see cref="LedgerTestCase"/> class, for deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public LedgerTestCase()
    {
    }

    public LedgerTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var skip = TestMethod.TestClass.Class.GetCustomAttributes(typeof(LedgerConformanceSkipAttribute).AssemblyQualifiedName).FirstOrDefault();
        return (skip as IReflectionAttributeInfo)?.Attribute is LedgerConformanceSkipAttribute { SkipReason: { } reason }
            ? reason
            : base.GetSkipReason(factAttribute);
    }
}
