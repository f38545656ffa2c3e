using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;

namespace AspireChat.UnitTests.Rules;

public sealed class MessageHistoryTests
{
    [Fact]
    public void After_ReturnsTheMessagesAfterASequence_InOrder()
    {
        var history = Filled(capacity: 10, count: 5);

        var after = history.After(2, _ => true, out var missed);

        Assert.Equal([3L, 4, 5], after.Select(m => m.Sequence));
        Assert.Equal(0, missed);
    }

    [Fact]
    public void After_BeyondWhatIsKept_CountsTheMissedSequences()
    {
        var history = Filled(capacity: 3, count: 10);

        var after = history.After(4, _ => true, out var missed);

        Assert.Equal([8L, 9, 10], after.Select(m => m.Sequence));
        Assert.Equal(3, missed);
    }

    [Fact]
    public void After_AppliesTheReadersFilter()
    {
        var history = Filled(capacity: 10, count: 6);

        var after = history.After(0, m => m.Sequence % 2 == 0, out _);

        Assert.Equal([2L, 4, 6], after.Select(m => m.Sequence));
    }

    [Fact]
    public void Last_ReturnsTheNewestMessages_OldestFirst()
    {
        var history = Filled(capacity: 4, count: 9);

        Assert.Equal([7L, 8, 9], history.Last(3, _ => true).Select(m => m.Sequence));
        Assert.Equal([6L, 7, 8, 9], history.Last(100, _ => true).Select(m => m.Sequence));
    }

    private static MessageHistory Filled(int capacity, int count)
    {
        var history = new MessageHistory(capacity);
        for (var sequence = 1; sequence <= count; sequence++)
        {
            history.Add(new ChatMessage(sequence, DateTimeOffset.UnixEpoch, MessageKind.Chat, "alice", $"message {sequence}"));
        }
        return history;
    }
}
