using System.Reflection;

namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>Stripe-style "wholesome" tests over the public surface of both shipped assemblies.</summary>
public sealed class PublicSurfaceConventionsTests
{
    /// <summary>The shipped assemblies: the library and its test kit (Klarna simulator).</summary>
    public static TheoryData<string> ShippedAssemblies => new() { "Specter.Klarna.Invoicing", "Specter.Klarna.Invoicing.Testing" };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicClasses_AreSealedOrAbstractOrStatic(string assembly)
    {
        var offenders = PublicTypes(assembly)
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty("public classes are sealed unless designed for inheritance");
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicTypes_DoNotLiveInInternalNamespaces(string assembly)
    {
        var offenders = PublicTypes(assembly)
            .Where(t => t.Namespace is { } ns && (ns.EndsWith(".Internal", StringComparison.Ordinal) || ns.Contains(".Internal.", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicAsyncMethods_EndInAsync_AndTakeCancellationTokenLast(string assembly)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(assembly))
        {
            var frameworkContracts = FrameworkInterfaceImplementations(type);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                // IAsyncDisposable.DisposeAsync() and the like: the signature is the framework's, not ours.
                // Test methods of the conformance kit are named by xunit's conventions and take no token.
                if (method.IsSpecialName || !IsAwaitable(method.ReturnType) || frameworkContracts.Contains(method)
                    || method.GetCustomAttributes(inherit: true).OfType<FactAttribute>().Any())
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (!method.Name.EndsWith("Async", StringComparison.Ordinal)
                    || parameters.Length == 0
                    || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        offenders.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicMembers_DoNotUseFloatingPointForMoney(string assembly)
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes(assembly))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (property.PropertyType == typeof(double) || property.PropertyType == typeof(float))
                {
                    offenders.Add($"{type.FullName}.{property.Name}");
                }
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetParameters().Any(p => p.ParameterType == typeof(double) || p.ParameterType == typeof(float)))
                {
                    offenders.Add($"{type.FullName}.{method.Name}");
                }
            }
        }

        offenders.Should().BeEmpty("money is long minor units (or decimal only at the ERP boundary), never double/float");
    }

    private static Type[] PublicTypes(string assembly) => Assembly.Load(assembly).GetExportedTypes();

    private static HashSet<MethodInfo> FrameworkInterfaceImplementations(Type type) =>
        type.IsInterface
            ? []
            : type.GetInterfaces()
                .Where(i => i.Assembly != type.Assembly)
                .SelectMany(i => type.GetInterfaceMap(i).TargetMethods)
                .ToHashSet();

    private static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));
}
