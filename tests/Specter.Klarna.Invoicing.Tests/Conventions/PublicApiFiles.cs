namespace Specter.Klarna.Invoicing.Tests.Conventions;

/// <summary>Finds the repository root (the folder holding the solution), for tests that read committed files.</summary>
internal static class PublicApiFiles
{
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
