using System.Diagnostics;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// The operator's operations on the room (ChatAdmin): each checked (ModerationRules), traced and
// logged as a chat operation is, and carried out by the store, which reaches the user on
// whichever replica holds them.
public sealed class RoomModeration(IRoomStore store, IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry, ILogger<RoomModeration> logger)
{
    private readonly MessageText _text = new(options.Value);

    public async ValueTask<ModerationResult> AnnounceAsync(string? text)
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.AdminAnnounceSpan);
        text ??= "";
        if (_text.Check(text) is { } problem)
        {
            return Refused("announcement", problem, activity);
        }
        var published = await store.AnnounceAsync(text);
        var message = published.Message!;
        activity?.SetTag(ChatTelemetry.SequenceTag, message.Sequence);
        activity?.SetTag(ChatTelemetry.OutcomeTag, "sent");
        if (published.Deliveries is { } deliveries)
        {
            activity?.SetTag(ChatTelemetry.DeliveriesTag, deliveries);
        }
        // Public, and the operator's own words: logged, one line, cut short.
        ModerationLog.Announced(logger, message.Sequence, LogText.Escape(LogText.Shorten(text)));
        return new ModerationResult(ModerationOutcome.Done, "Announced.", Usernames.Announcer, Announcement: message);
    }

    public async ValueTask<IReadOnlyList<OnlineEntry>> ListAsync()
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.AdminListSpan);
        var online = await store.OnlineAsync();
        activity?.SetTag(ChatTelemetry.OutcomeTag, "listed");
        activity?.SetTag("chat.users", online.Count);
        ModerationLog.Listed(logger, online.Count);
        return online;
    }

    // holdFor: the default when null.
    public async ValueTask<ModerationResult> DisconnectAsync(string? username, string? reason, TimeSpan? holdFor)
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.AdminDisconnectSpan);
        if (Check("disconnect", username, reason, "hold_for", holdFor, activity, out var name, out var until) is { } refused)
        {
            return refused;
        }
        if (await store.DisconnectAsync(name, reason!, until) is not { } held)
        {
            return NotFound("disconnect", name, activity);
        }
        activity?.SetTag(ChatTelemetry.OutcomeTag, "disconnected");
        ModerationLog.Disconnected(logger, LogText.Escape(held), until, LogText.Escape(reason));
        return new ModerationResult(ModerationOutcome.Done, $"{held} was disconnected.", held, until);
    }

    // duration: the default when null.
    public async ValueTask<ModerationResult> MuteAsync(string? username, string? reason, TimeSpan? duration)
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.AdminMuteSpan);
        if (Check("mute", username, reason, "duration", duration, activity, out var name, out var until) is { } refused)
        {
            return refused;
        }
        if (await store.MuteAsync(name, new Mute(until, reason!)) is not { } muted)
        {
            return NotFound("mute", name, activity);
        }
        activity?.SetTag(ChatTelemetry.OutcomeTag, "muted");
        ModerationLog.Muted(logger, LogText.Escape(muted), until, LogText.Escape(reason));
        return new ModerationResult(ModerationOutcome.Done, $"{muted} is muted.", muted, until);
    }

    public async ValueTask<ModerationResult> UnmuteAsync(string? username)
    {
        using var activity = telemetry.Source.StartActivity(ChatTelemetry.AdminUnmuteSpan);
        if (CheckName("unmute", username, activity, out var name) is { } refused)
        {
            return refused;
        }
        var wasMuted = await store.UnmuteAsync(name);
        activity?.SetTag(ChatTelemetry.OutcomeTag, wasMuted ? "unmuted" : "not_muted");
        ModerationLog.Unmuted(logger, LogText.Escape(name), wasMuted);
        return new ModerationResult(ModerationOutcome.Done, wasMuted ? $"{name} may send again." : $"{name} was not muted.", name, WasMuted: wasMuted);
    }

    // The checks of a request about a user for a period with a reason; null when it may go on.
    private ModerationResult? Check(string operation, string? username, string? reason, string periodName, TimeSpan? requested, Activity? activity, out string name, out DateTimeOffset until)
    {
        until = default;
        if (CheckName(operation, username, activity, out name) is { } refused)
        {
            return refused;
        }
        var periodProblem = ModerationRules.CheckPeriod(periodName, requested, out var period);
        if ((ModerationRules.CheckReason(reason) ?? periodProblem) is { } problem)
        {
            return Refused(operation, problem, activity);
        }
        until = timeProvider.GetUtcNow() + period;
        return null;
    }

    // A name that is not valid is nobody's: nobody of it is online.
    private ModerationResult? CheckName(string operation, string? username, Activity? activity, out string name)
    {
        name = "";
        if (string.IsNullOrEmpty(username))
        {
            return Refused(operation, "A username is required.", activity);
        }
        if (!Usernames.TryNormalize(username, out var normalized, out _))
        {
            // Escaped in the answer too: grpc-dotnet logs a status's detail.
            return NotFound(operation, LogText.Escape(LogText.Shorten(username)), activity);
        }
        name = normalized;
        activity?.SetTag(ChatTelemetry.UserTag, name);
        return null;
    }

    private ModerationResult Refused(string operation, string problem, Activity? activity)
    {
        activity?.SetTag(ChatTelemetry.OutcomeTag, "invalid");
        ModerationLog.Refused(logger, operation, problem);
        return new ModerationResult(ModerationOutcome.Invalid, problem);
    }

    private ModerationResult NotFound(string operation, string name, Activity? activity)
    {
        activity?.SetTag(ChatTelemetry.OutcomeTag, "not_found");
        // The name is a valid one, or already escaped.
        var message = ModerationTexts.NotOnline(name);
        ModerationLog.Refused(logger, operation, message);
        return new ModerationResult(ModerationOutcome.NotFound, message);
    }
}
