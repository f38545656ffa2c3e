using System.Globalization;
using System.Reflection;

namespace AspireChat.Bench.Reporting;

// Results as an aligned text table, a column per property.
internal static class ResultTable
{
    public static void Print<T>(string title, IReadOnlyList<T> rows, TextWriter output)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var cells = rows.Select(row => properties.Select(p => Format(p.GetValue(row))).ToArray()).ToList();
        var widths = properties.Select((p, i) => cells.Select(c => c[i].Length).Append(p.Name.Length).Max()).ToArray();
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(string.Join("  ", properties.Select((p, i) => p.Name.PadLeft(widths[i]))));
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadLeft(widths[i]))));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        double d => d.ToString("#,0.##", CultureInfo.InvariantCulture),
        long l => l.ToString("#,0", CultureInfo.InvariantCulture),
        int i => i.ToString("#,0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
