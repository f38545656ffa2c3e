using AspireChat.Protocol;

namespace AspireChat.Client.Listening;

// Where the next Listen of one ListenAsync picks up: after the last message delivered, in the
// service's epoch (its numbering) that message belongs to.
internal sealed class ListenResumeState(int history)
{
    private long? _lastSeen;
    private long? _resumeAfter;
    private string? _epoch;
    // The history the first Listen asked for, until a message arrives: a stream that drops
    // before then asks for it again (once one has arrived, resuming after it is complete).
    private bool _historyPending = history > 0;

    public ListenRequest NextRequest(bool includePresence)
    {
        var request = new ListenRequest { IncludePresence = includePresence, ResumeEpoch = _epoch ?? "" };
        if (_resumeAfter is { } after && !_historyPending)
        {
            request.ResumeAfter = (ulong)after;
        }
        else
        {
            request.History = (uint)history;
            _resumeAfter = null;
        }
        return request;
    }

    // A stream began in the given epoch, its service having sent everything up to resumePoint
    // before it. Returns whether the service restarted since the previous stream.
    public bool Started(string epoch, long? resumePoint)
    {
        var restarted = _epoch is not null && epoch != _epoch;
        if (restarted)
        {
            // A restarted service numbers its messages from 1 again, and has just replayed its
            // history from the start.
            _lastSeen = null;
            _resumeAfter = 0;
        }
        _epoch = epoch;
        _resumeAfter ??= resumePoint;
        return restarted;
    }

    // False for a message delivered already (a resume may overlap what was seen).
    public bool TryAdvance(long sequence)
    {
        if (sequence <= _lastSeen)
        {
            return false;
        }
        _lastSeen = _resumeAfter = sequence;
        _historyPending = false;
        return true;
    }
}
