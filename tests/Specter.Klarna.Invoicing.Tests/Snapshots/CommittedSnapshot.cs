using System.Runtime.CompilerServices;
using Snapshooter;
using Snapshooter.Xunit;
using Specter.Klarna.Invoicing.Tests.Conventions;

namespace Specter.Klarna.Invoicing.Tests.Snapshots;

/// <summary>
/// Snapshooter's <see cref="Snapshot.Match(object, SnapshotFullName, Func{MatchOptions, MatchOptions})"/> against a
/// committed <c>__snapshots__/{Class}.{Test}[_{part}].snap</c> next to the calling test file.
/// </summary>
/// <remarks>
/// <para>Two Snapshooter 1.3.1 behaviours this guards against:</para>
/// <list type="number">
/// <item>It finds the snapshot folder from the test's source path in the PDB. With <c>CI=true</c> the build sets
/// <c>ContinuousIntegrationBuild</c>, which maps source paths to <c>/_/</c>, so Snapshooter would look for (and create)
/// snapshots under <c>/_/…</c> and never compare with the committed ones. We therefore pass the full name ourselves,
/// resolved from the repository root.</item>
/// <item>A missing snapshot is created and the test passes, unless <c>SNAPSHOOTER_STRICT_MODE=true</c>; it does not look at
/// <c>CI</c>. Our CI (<c>.ci/run</c>) sets <c>CI=true</c>, so when <c>CI=true</c> and strict mode is not set explicitly we turn
/// it on: a snapshot that is not committed fails the run instead of being created.</item>
/// </list>
/// </remarks>
internal static class CommittedSnapshot
{
    public static void Match(object current, string? part = null, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        EnsureStrictOnCi();
        Snapshot.Match(current, FullName(testFile, test, part));
    }

    /// <summary>The committed snapshot file for a test (and optional part).</summary>
    public static string PathOf(string? part = null, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        var name = FullName(testFile, test, part);
        return Path.Combine(name.FolderPath, "__snapshots__", name.Filename); // Snapshooter adds the __snapshots__ folder
    }

    internal static void EnsureStrictOnCi()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE")))
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");
        }
    }

    private static SnapshotFullName FullName(string testFile, string test, string? part)
    {
        // The caller's path may be "/_/tests/…" (deterministic CI build): keep only the part below the test project.
        const string Project = "Specter.Klarna.Invoicing.Tests";
        var normalized = testFile.Replace('\\', '/');
        var at = normalized.IndexOf("/" + Project + "/", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"Cannot place a snapshot for {testFile}: not under tests/{Project}.");
        }

        var relative = normalized[(at + Project.Length + 2)..];
        var folder = Path.Combine(PublicApiFiles.RepositoryRoot(), "tests", Project, Path.GetDirectoryName(relative) ?? string.Empty);
        var file = $"{Path.GetFileNameWithoutExtension(relative)}.{test}{(part is null ? string.Empty : "_" + part)}.snap";
        return new SnapshotFullName(file, folder);
    }
}
