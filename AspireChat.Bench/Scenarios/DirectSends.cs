using AspireChat.Bench.Load;

namespace AspireChat.Bench.Scenarios;

// The direct messages of one run: each sender's, in the order it sent them, with their recipient
// and the server's answer; from them, what each user had to receive, and what went astray.
internal sealed class DirectSends
{
    private readonly List<Sent>[] _bySender;

    public DirectSends(int users)
    {
        if (users < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(users), users, "Direct messages need at least two users.");
        }
        _bySender = [.. Enumerable.Range(0, users).Select(_ => new List<Sent>())];
    }

    public SendCounts Counts { get; } = new();

    // Sender `from`'s message number `counter`, to a random other user. One sender's messages are
    // sent one at a time (its list is its own).
    public async Task SendAsync(DirectUser sender, int from, long counter, int size, CancellationToken cancellationToken)
    {
        var to = Random.Shared.Next(_bySender.Length - 1);
        to += to >= from ? 1 : 0;
        var outcome = await Counts.SendAsync((text, token) => sender.Send(to, text, token), BenchText.Create(from, counter, size), cancellationToken);
        _bySender[from].Add(new(counter, to, outcome));
    }

    // The accepted messages sent to each user.
    public long[] AcceptedTo()
    {
        var expected = new long[_bySender.Length];
        foreach (var sent in _bySender.SelectMany(s => s).Where(s => s.Outcome == SendCounts.Outcome.Accepted))
        {
            expected[sent.To]++;
        }
        return expected;
    }

    // Lost: accepted and not at its recipient. Misdelivered: what a user received beyond the
    // messages sent to it (accepted, or failed with no answer: those may arrive or not).
    public (long Lost, long Misdelivered) Check(IReadOnlyList<BenchListener> listeners)
    {
        var matched = new long[listeners.Count];
        var lost = 0L;
        for (var from = 0; from < _bySender.Length; from++)
        {
            foreach (var (counter, to, outcome) in _bySender[from].Where(s => s.Outcome != SendCounts.Outcome.Refused))
            {
                if (listeners[to].Has(from, counter))
                {
                    matched[to]++;
                }
                else if (outcome == SendCounts.Outcome.Accepted)
                {
                    lost++;
                }
            }
        }
        return (lost, listeners.Select((l, i) => l.Unique - matched[i]).Sum());
    }

    private readonly record struct Sent(long Counter, int To, SendCounts.Outcome Outcome);
}
