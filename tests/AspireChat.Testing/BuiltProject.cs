namespace AspireChat.Testing;

// Where a project of this solution was built, in the configuration the tests were built in.
public static class BuiltProject
{
    // The directory that holds AspireChat.sln, found upwards from the test output.
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DllPath(string project)
    {
        // Tests run from tests/<project>/bin/<configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, project, "bin", configuration, framework, $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built; build the solution first.", path);
    }

    private static string FindRepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AspireChat.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException("AspireChat.sln not found above the test output.");
    }
}
