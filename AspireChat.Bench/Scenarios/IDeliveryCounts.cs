namespace AspireChat.Bench.Scenarios;

// What a run counted of its deliveries that must be zero: the bench's own verdict on the server's
// correctness, whatever its speed.
internal interface IDeliveryCounts
{
    string Target { get; }

    int Listeners { get; }

    long Lost { get; }

    long Duplicates { get; }

    long OutOfOrder { get; }

    // Delivered to a listener it was not for: only a scenario with recipients can tell.
    long Misdelivered => 0;
}
