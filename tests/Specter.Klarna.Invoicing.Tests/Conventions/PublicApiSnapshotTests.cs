using System.Reflection;
using System.Text;
using Specter.Klarna.Invoicing.Tests.Snapshots;

namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>
/// The rendered public surface of each shipped assembly (types, base types, interfaces and public/protected members, with
/// nullability), compared with a committed snapshot. Complements the PublicAPI analyzer: it catches changes the analyzer
/// files do not show in review as one readable, sorted text (for example a new interface on a public type, or an
/// attribute-driven change such as a property becoming init-only).
/// </summary>
public sealed class PublicApiSnapshotTests
{
    public static TheoryData<string> ShippedAssemblies => new() { "Specter.Klarna.Invoicing", "Specter.Klarna.Invoicing.Testing" };

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicApi_MatchesSnapshot(string assembly)
    {
        var rendered = PublicApiRenderer.Render(Assembly.Load(assembly));

        CommittedSnapshot.Match(rendered, assembly);
    }
}

/// <summary>Renders an assembly's public API as sorted, stable text (one line per type or member).</summary>
internal static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var typeName = Name(type);
            lines.Add(typeName + " : " + Header(type));
            foreach (var member in type.GetMembers(Declared).Where(IsVisible))
            {
                var rendered = RenderMember(member, nullability);
                if (rendered is not null)
                {
                    lines.Add(typeName + "." + rendered);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string Header(Type type)
    {
        var parts = new List<string>();
        parts.Add(type switch
        {
            { IsInterface: true } => "interface",
            { IsEnum: true } => "enum " + Name(Enum.GetUnderlyingType(type)),
            { IsValueType: true } => (type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly " : string.Empty) + "struct",
            _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
            { IsAbstract: true, IsSealed: true } => "static class",
            { IsAbstract: true } => "abstract class",
            { IsSealed: true } => "sealed class",
            _ => "class",
        });
        if (type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null))
        {
            parts[0] = "record " + parts[0];
        }

        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            parts.Add("base " + Name(baseType));
        }

        parts.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(i => "implements " + Name(i)).Order(StringComparer.Ordinal));
        if (type.IsDefined(typeof(ObsoleteAttribute)))
        {
            parts.Add("[Obsolete]");
        }

        return string.Join(", ", parts);
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type t => t.IsNestedPublic || t.IsNestedFamily,
        _ => false,
    };

    private static string? RenderMember(MemberInfo member, NullabilityInfoContext nullability) => member switch
    {
        ConstructorInfo c => Modifiers(c) + "ctor(" + Parameters(c, nullability) + ")",
        MethodInfo m when m.IsSpecialName => null, // accessors and operators' names are covered below or by properties
        MethodInfo m => Modifiers(m) + m.Name + GenericArguments(m) + "(" + Parameters(m, nullability) + ") -> " + Nullable(m.ReturnParameter, nullability),
        PropertyInfo p => (Static(p.GetAccessors(true)[0]) ? "static " : string.Empty) + p.Name + Indexer(p, nullability) + " : " + Nullable(p, nullability) + " {" + Accessors(p) + " }",
        FieldInfo f when f.DeclaringType!.IsEnum => f.IsSpecialName ? null : f.Name + " = " + Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture),
        FieldInfo f => (f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty) + (f.IsInitOnly ? "readonly " : string.Empty) + f.Name + " : " + Nullable(f, nullability)
            + (f.IsLiteral ? " = " + Convert.ToString(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : string.Empty),
        EventInfo e => "event " + e.Name + " : " + Name(e.EventHandlerType!),
        _ => null, // nested types are listed as types of their own
    };

    private static bool Static(MethodBase method) => method.IsStatic;

    private static string Modifiers(MethodBase method)
    {
        var text = new StringBuilder();
        if (method.IsFamily || method.IsFamilyOrAssembly)
        {
            text.Append("protected ");
        }

        if (method.IsStatic)
        {
            text.Append("static ");
        }
        else if (method.IsAbstract && !method.DeclaringType!.IsInterface)
        {
            text.Append("abstract ");
        }
        else if (method is MethodInfo info && info.GetBaseDefinition() != info)
        {
            text.Append("override ");
        }
        else if (method.IsVirtual && !method.IsFinal && !method.DeclaringType!.IsInterface)
        {
            text.Append("virtual ");
        }

        return text.ToString();
    }

    private static string Accessors(PropertyInfo property)
    {
        var text = new StringBuilder();
        if (property.GetMethod is { } get && (get.IsPublic || get.IsFamily))
        {
            text.Append(" get;");
        }

        if (property.SetMethod is { } set && (set.IsPublic || set.IsFamily))
        {
            var initOnly = set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            text.Append(initOnly ? " init;" : " set;");
        }

        if (property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)))
        {
            text.Insert(0, " required");
        }

        return text.ToString();
    }

    private static string Indexer(PropertyInfo property, NullabilityInfoContext nullability) =>
        property.GetIndexParameters() is { Length: > 0 } index ? "[" + string.Join(", ", index.Select(p => Nullable(p, nullability) + " " + p.Name)) + "]" : string.Empty;

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)
            + (p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty)
            + Nullable(p, nullability) + " " + p.Name
            + (p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : string.Empty)));

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Nullable(ParameterInfo parameter, NullabilityInfoContext context) => Nullable(context.Create(parameter), parameter.ParameterType);

    private static string Nullable(PropertyInfo property, NullabilityInfoContext context) => Nullable(context.Create(property), property.PropertyType);

    private static string Nullable(FieldInfo field, NullabilityInfoContext context) => Nullable(context.Create(field), field.FieldType);

    private static string Nullable(NullabilityInfo info, Type type)
    {
        type = type.IsByRef ? type.GetElementType()! : type;
        if (type.IsArray && info.ElementType is { } element)
        {
            return Nullable(element, type.GetElementType()!) + "[]" + (info.ReadState == NullabilityState.Nullable ? "?" : string.Empty);
        }

        string name;
        if (type.IsGenericType && System.Nullable.GetUnderlyingType(type) is null && info.GenericTypeArguments.Length == type.GetGenericArguments().Length)
        {
            var definition = type.GetGenericTypeDefinition();
            name = Bare(definition) + "<" + string.Join(", ", type.GetGenericArguments().Select((a, i) => Nullable(info.GenericTypeArguments[i], a))) + ">";
        }
        else
        {
            name = Name(type);
        }

        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type)
    {
        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        return type.IsGenericType
            ? Bare(type.GetGenericTypeDefinition()) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">"
            : Bare(type);
    }

    private static string Bare(Type type)
    {
        var name = (type.FullName ?? type.Name).Replace('+', '.');
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
