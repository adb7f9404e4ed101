using Xunit.Abstractions;

namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>
/// The folders of <c>src/Specter.Klarna.Invoicing</c> point one way (docs/ARCHITECTURE.md, "Folders and their one-way
/// dependencies"): a folder may only use folders in layers below its own, read from the compiled assembly.
/// <c>Violations_ReportsAnUpwardDependency</c> proves the check fails on a map that breaks the rule.
/// </summary>
public sealed class LayeringTests(ITestOutputHelper output)
{
    /// <summary>
    /// The layers, lowest first, as in docs/ARCHITECTURE.md. A layer is one folder, or a few files at the project root that
    /// belong together (named one by one); uses within a layer are free, uses of a higher layer are violations.
    /// </summary>
    internal static readonly string[][] Layers =
    [
        ["Money"],
        ["Resources"],
        ["KlarnaInvoicingRule.cs", "KlarnaInvoicingRuleViolation.cs", "KlarnaInvoicingRuleException.cs"],
        ["Orders"],
        ["Invoicing"],
        ["Capture"],
        ["Activation"],
        ["KlarnaEnvironment.cs", "KlarnaRegion.cs", "KlarnaMerchantOptions.cs"],
        ["Klarna"],
        ["Settlements"],
        ["Payouts"],
        ["KlarnaInvoicingOptions.cs", "KlarnaInvoicingOptions.Invoicing.cs"],
        ["Persistence"],
        ["ExactlyOnce"],
        ["Proposal"],
        ["IKlarnaInvoicing.cs", "IKlarnaPaymentMarking.cs"],
        ["Internal"],
        ["DependencyInjection"],
    ];

    [Fact]
    public void EveryFolder_HasALayer()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var edges = ReadEdges();
        var folders = edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Order(StringComparer.Ordinal).ToList();

        folders.Should().NotBeEmpty().And.OnlyContain(f => placed.Contains(f), "a new folder (or root file) must be placed in LayeringTests.Layers and in docs/ARCHITECTURE.md");
        folders.Should().Contain(["Money", "Capture", "Klarna", "Internal"], "the reader must see the library's folders");
    }

    [Fact]
    public void Folders_UseOnlyFoldersBelowThem()
    {
        var edges = ReadEdges();
        foreach (var ((from, to), example) in edges.OrderBy(e => LayerOf(e.Key.From)).ThenBy(e => e.Key.From, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} -> {to}  ({example})");
        }

        Violations(edges).Should().BeEmpty();
    }

    [Fact]
    public void Violations_ReportsAnUpwardDependency()
    {
        // A hand-made map: Orders using Capture (upwards), Klarna using Settlements (upwards), Capture using Money (down: fine),
        // one rule file using another of its layer (fine).
        var edges = new Dictionary<(string From, string To), string>
        {
            [("Orders", "Capture")] = "OrderValidator uses KlarnaLineMerger",
            [("Klarna", "Settlements")] = "KlarnaOrderManagementClient uses KlarnaSettlementsClient",
            [("Capture", "Money")] = "InvoicePlanner uses Money",
            [("KlarnaInvoicingRuleException.cs", "KlarnaInvoicingRule.cs")] = "KlarnaInvoicingRuleException uses KlarnaInvoicingRule",
        };

        Violations(edges).Should().BeEquivalentTo(
            "Orders (layer 3) uses Capture (layer 5): OrderValidator uses KlarnaLineMerger",
            "Klarna (layer 8) uses Settlements (layer 9): KlarnaOrderManagementClient uses KlarnaSettlementsClient");
        Violations(new Dictionary<(string From, string To), string> { [("Unplaced", "Money")] = "x" })
            .Should().ContainSingle().Which.Should().StartWith("Unplaced (no layer)");
    }

    internal static List<string> Violations(IReadOnlyDictionary<(string From, string To), string> edges) =>
        [.. edges
            .Where(e => LayerOf(e.Key.From) is not { } from || LayerOf(e.Key.To) is not { } to || to > from)
            .Select(e => $"{Describe(e.Key.From)} uses {Describe(e.Key.To)}: {e.Value}")
            .Order(StringComparer.Ordinal)];

    private static string Describe(string folder) => LayerOf(folder) is { } layer ? $"{folder} (layer {layer})" : $"{folder} (no layer)";

    private static int? LayerOf(string folder)
    {
        for (int i = 0; i < Layers.Length; i++)
        {
            if (Layers[i].Contains(folder, StringComparer.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private static IReadOnlyDictionary<(string From, string To), string> ReadEdges() =>
        FolderDependencies.Read(typeof(Money).Assembly.Location, FolderOf);

    /// <summary>The first folder under the project directory, or the file name for a file at its root; generated files (obj/) are ignored.</summary>
    private static string? FolderOf(string path)
    {
        const string Project = "src/Specter.Klarna.Invoicing/";
        int at = path.LastIndexOf(Project, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var relative = path[(at + Project.Length)..];
        int slash = relative.IndexOf('/', StringComparison.Ordinal);
        var folder = slash < 0 ? relative : relative[..slash];
        return folder is "obj" or "bin" ? null : folder;
    }
}
