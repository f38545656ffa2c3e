namespace AspireChat.ScaleOut.Tests;

// Checks on the sequences of messages replicas deliver.
public static class Sequences
{
    public static bool IsIncreasing(IEnumerable<ulong> sequences)
    {
        var list = sequences.ToList();
        return list.Zip(list.Skip(1)).All(pair => pair.First < pair.Second);
    }

    // Fails, showing both, unless got is expected, item for item and in order.
    public static void AssertSame(IEnumerable<string> expected, IEnumerable<string> got, string what)
    {
        var expectedList = expected.ToList();
        var gotList = got.ToList();
        Assert.True(expectedList.SequenceEqual(gotList), $"{what}{Environment.NewLine}{string.Join(Environment.NewLine, gotList)}{Environment.NewLine}instead of{Environment.NewLine}{string.Join(Environment.NewLine, expectedList)}");
    }
}
