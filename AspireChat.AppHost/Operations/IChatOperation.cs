using AspireChat.Protocol.Admin;
using Grpc.Core;

namespace AspireChat.AppHost.Operations;

// One of the operator's commands on chat: how the dashboard shows it and asks for its inputs,
// and what it does with the admin API. Its RPC errors are the caller's to report.
internal interface IChatOperation
{
    string Name { get; }

    string DisplayName { get; }

    // A new instance each time: the caller completes it (when the command is enabled).
    CommandOptions Options { get; }

    Task<ExecuteCommandResult> ExecuteAsync(ChatAdmin.ChatAdminClient admin, InteractionInputCollection arguments, CallOptions call);
}
