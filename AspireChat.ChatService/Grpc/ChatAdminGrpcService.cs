using AspireChat.ChatService.Model;
using AspireChat.ChatService.Room;
using AspireChat.Protocol.Admin;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace AspireChat.ChatService.Grpc;

// The gRPC face of the operator's operations (RoomModeration). Served on the admin endpoint only,
// to callers with the admin key (AdminGuard); a refused request is an RpcException whose detail
// says why (INVALID_ARGUMENT, NOT_FOUND).
[BindServiceMethod(typeof(ChatAdminBinding), nameof(ChatAdminBinding.BindService))]
internal sealed class ChatAdminGrpcService(RoomModeration moderation, AdminGuard guard) : ChatAdmin.ChatAdminBase
{
    public override Task<AnnounceResponse> Announce(AnnounceRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, AnnounceAsync);

    public override Task<ListOnlineResponse> ListOnline(ListOnlineRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, ListOnlineAsync);

    public override Task<DisconnectResponse> Disconnect(DisconnectRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, DisconnectAsync);

    public override Task<MuteResponse> Mute(MuteRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, MuteAsync);

    public override Task<UnmuteResponse> Unmute(UnmuteRequest request, ServerCallContext context) => guard.UnaryAsync(request, context, UnmuteAsync);

    private async Task<AnnounceResponse> AnnounceAsync(AnnounceRequest request)
    {
        var message = Done(await moderation.AnnounceAsync(request.Text)).Announcement!;
        return new AnnounceResponse { Sequence = (ulong)message.Sequence, Timestamp = Timestamp.FromDateTimeOffset(message.Timestamp) };
    }

    private async Task<ListOnlineResponse> ListOnlineAsync(ListOnlineRequest request)
    {
        var response = new ListOnlineResponse();
        response.Users.AddRange((await moderation.ListAsync()).Select(ToProto));
        return response;
    }

    private async Task<DisconnectResponse> DisconnectAsync(DisconnectRequest request)
    {
        var held = Done(await moderation.DisconnectAsync(request.Username, request.Reason, Period(request.HoldFor, "hold_for")));
        return new DisconnectResponse { Username = held.Username, HeldUntil = Timestamp.FromDateTimeOffset(held.Until!.Value) };
    }

    private async Task<MuteResponse> MuteAsync(MuteRequest request)
    {
        var muted = Done(await moderation.MuteAsync(request.Username, request.Reason, Period(request.Duration, "duration")));
        return new MuteResponse { Username = muted.Username, MutedUntil = Timestamp.FromDateTimeOffset(muted.Until!.Value) };
    }

    private async Task<UnmuteResponse> UnmuteAsync(UnmuteRequest request)
    {
        var unmuted = Done(await moderation.UnmuteAsync(request.Username));
        return new UnmuteResponse { Username = unmuted.Username, WasMuted = unmuted.WasMuted };
    }

    private static OnlineUserDetails ToProto(OnlineEntry entry)
    {
        var details = new OnlineUserDetails
        {
            Username = entry.Name,
            OnlineSince = Timestamp.FromDateTimeOffset(entry.OnlineSince),
            Listeners = (uint)entry.Listeners,
            MutedUntil = entry.MutedUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
        };
        details.Replicas.AddRange((entry.Replicas ?? []).Select(r => new Protocol.Admin.ReplicaStreams { Replica = r.Replica, Listeners = (uint)r.Listeners }));
        return details;
    }

    // Unset: the default period. A duration protobuf does not allow (nanos out of range, or of
    // another sign than seconds) is refused.
    private static TimeSpan? Period(Duration? duration, string field)
    {
        try
        {
            return duration?.ToTimeSpan();
        }
        catch (InvalidOperationException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is not a valid duration."));
        }
    }

    private static ModerationResult Done(ModerationResult result) => result.Outcome switch
    {
        ModerationOutcome.Done => result,
        ModerationOutcome.NotFound => throw new RpcException(new Status(StatusCode.NotFound, result.Message)),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, result.Message)),
    };
}
