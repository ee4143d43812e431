namespace ContactHub.EndToEnd.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The hub executable built beside this test run (same configuration as the tests).</summary>
    public static string HubExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(Root, "src", "Hub.Server", "bin", configuration, "net9.0", "linux-x64", "Hub.Server");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.");
        }
    }

    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(Root, ".run", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactHub.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ContactHub.sln not found above the test output directory.");
    }
}
