#:package Microsoft.CodeAnalysis.CSharp

// Lists the methods longer than about 40 lines and the types longer than about 250 in the
// repository's C# sources, from Roslyn's syntax tree, and exits 1 when there are any.
// Usage: dotnet run eng/code-shape.cs [--max-method-lines 40] [--max-type-lines 250] [root]

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

var maxMethod = 40;
var maxType = 250;
var root = Directory.GetCurrentDirectory();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--max-method-lines": maxMethod = int.Parse(args[++i]); break;
        case "--max-type-lines": maxType = int.Parse(args[++i]); break;
        default: root = args[i]; break;
    }
}

var findings = new List<string>();
var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
    .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or ".git"));
foreach (var path in sources.Order(StringComparer.Ordinal))
{
    var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
    var relative = Path.GetRelativePath(root, path);
    foreach (var node in tree.GetRoot().DescendantNodes())
    {
        var (kind, name, limit) = node switch
        {
            BaseMethodDeclarationSyntax method => ("method", NameOf(method), maxMethod),
            LocalFunctionStatementSyntax local => ("method", local.Identifier.Text, maxMethod),
            AccessorDeclarationSyntax accessor => ("method", $"{NameOf(accessor.Parent?.Parent)}.{accessor.Keyword.Text}", maxMethod),
            TypeDeclarationSyntax type => ("type", type.Identifier.Text, maxType),
            _ => ("", "", 0),
        };
        if (limit == 0)
        {
            continue;
        }
        var span = tree.GetLineSpan(node.Span);
        var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
        if (lines > limit)
        {
            findings.Add($"{relative}:{span.StartLinePosition.Line + 1}: {kind} {name} has {lines} lines (at most {limit})");
        }
    }
}

foreach (var finding in findings)
{
    Console.WriteLine(finding);
}
Console.WriteLine(findings.Count == 0
    ? $"No method over {maxMethod} lines and no type over {maxType}."
    : $"{findings.Count} over the limits ({maxMethod} lines a method, {maxType} a type).");
return findings.Count == 0 ? 0 : 1;

static string NameOf(SyntaxNode? node) => node switch
{
    MethodDeclarationSyntax method => $"{TypeOf(method)}.{method.Identifier.Text}",
    ConstructorDeclarationSyntax constructor => $"{constructor.Identifier.Text}..ctor",
    BasePropertyDeclarationSyntax property => $"{TypeOf(property)}.{(property as PropertyDeclarationSyntax)?.Identifier.Text ?? "this"}",
    BaseMethodDeclarationSyntax other => $"{TypeOf(other)}.{other.Kind()}",
    _ => node?.Kind().ToString() ?? "?",
};

static string TypeOf(SyntaxNode node) => node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
