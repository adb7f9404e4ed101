namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>Reads the PublicAPI.*.txt approval files of a shipped project from the repository.</summary>
internal static class PublicApiFiles
{
    public static IReadOnlyList<string> ReadApprovedLines(string projectName)
    {
        var directory = Path.Combine(RepositoryRoot(), "src", projectName);
        return new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .Select(file => Path.Combine(directory, file))
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.StartsWith('~') ? line[1..] : line)
            .ToList();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Specter.Klarna.Invoicing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root (Specter.Klarna.Invoicing.sln) not found above " + AppContext.BaseDirectory);
    }
}
