using Snapshooter;
using Snapshooter.Xunit;

namespace Specter.Klarna.Invoicing.Tests.Snapshots;

/// <summary>
/// <see cref="Snapshot.Match(object, SnapshotNameExtension, Func{MatchOptions, MatchOptions})"/>, but never creates a
/// snapshot on CI: Snapshooter 1.3.1 writes a missing snapshot and passes unless <c>SNAPSHOOTER_STRICT_MODE=true</c>,
/// and it does not look at <c>CI</c>. Our CI (<c>.ci/run</c>) sets <c>CI=true</c>, so this turns strict mode on whenever
/// <c>CI=true</c>: a snapshot that is not committed fails the build instead of silently being created.
/// </summary>
internal static class CommittedSnapshot
{
    public static void Match(object current, SnapshotNameExtension? extension = null)
    {
        EnsureStrictOnCi();
        if (extension is null)
        {
            Snapshot.Match(current);
        }
        else
        {
            Snapshot.Match(current, extension);
        }
    }

    internal static void EnsureStrictOnCi()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE")))
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");
        }
    }
}
