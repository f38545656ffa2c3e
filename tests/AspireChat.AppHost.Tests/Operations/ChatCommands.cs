using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's commands on chat, executed as the dashboard does: on one resource (a replica in
// a scale-out, as each has its own row), with the inputs by name. Inputs left out take the
// command's defaults.
internal static class ChatCommands
{
    public static Task<ExecuteCommandResult> ExecuteChatCommandAsync(this DistributedApplication app, string resourceId, string command, params (string Name, string Value)[] inputs)
    {
        var arguments = new InteractionInputCollection([.. inputs.Select(input => new InteractionInput { Name = input.Name, Value = input.Value, InputType = InputType.Text })]);
        return app.ResourceCommands.ExecuteCommandAsync(resourceId, command, arguments).DefaultTimeout();
    }

    // The names in list-users' table, one a row.
    public static IReadOnlyList<string> TableRows(ExecuteCommandResult listed) =>
        [.. (listed.Data?.Value ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(2)];
}
