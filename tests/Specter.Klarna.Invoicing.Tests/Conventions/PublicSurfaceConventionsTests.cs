using System.Reflection;

namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>Stripe-style "wholesome" tests over the shipped assembly's public surface.</summary>
public sealed class PublicSurfaceConventionsTests
{
    private static readonly Assembly Library = Assembly.Load("Specter.Klarna.Invoicing");

    private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedOrAbstractOrStatic()
    {
        var offenders = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty("public classes are sealed unless designed for inheritance");
    }

    [Fact]
    public void PublicTypes_DoNotLiveInInternalNamespaces()
    {
        var offenders = PublicTypes
            .Where(t => t.Namespace is { } ns && (ns.EndsWith(".Internal", StringComparison.Ordinal) || ns.Contains(".Internal.", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void PublicAsyncMethods_EndInAsync_AndTakeCancellationTokenLast()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.IsSpecialName || !IsAwaitable(method.ReturnType))
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

    [Fact]
    public void PublicMembers_DoNotUseFloatingPointForMoney()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
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

    [Fact]
    public void EveryPublicType_IsApprovedInPublicApiFiles()
    {
        var approved = PublicApiFiles.ReadApprovedLines("Specter.Klarna.Invoicing");

        var missing = PublicTypes
            .Select(t => t.FullName!.Replace('+', '.'))
            .Where(name => !approved.Any(line => line.StartsWith(name, StringComparison.Ordinal) || line.Contains(" " + name, StringComparison.Ordinal)))
            .ToList();

        missing.Should().BeEmpty("every public type is approved in PublicAPI.Shipped.txt or PublicAPI.Unshipped.txt");
    }

    private static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));
}
