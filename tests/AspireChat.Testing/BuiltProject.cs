namespace AspireChat.Testing;

// Where a project of this solution was built, in the configuration the tests were built in.
public static class BuiltProject
{
    public static string DllPath(string project)
    {
        // Tests run from tests/<project>/bin/<configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AspireChat.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("AspireChat.sln not found above the test output."), project, "bin", configuration, framework, $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built; build the solution first.", path);
    }
}
