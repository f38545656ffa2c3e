using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.ConsoleClient.Terminal;
using AspireChat.Conventions;
using Grpc.Core;
using Polly;
using Polly.Retry;

namespace AspireChat.ConsoleClient.Chat;

// One person's session: choose a username, then show the room while reading what they type.
// Whatever the service says reaches the person through the terminal's display rule
// (DisplayText); names, which sit inside a line, are made inert where they are placed.
public sealed class ChatSession(ChatClient client, ITerminal terminal)
{
    private readonly ResiliencePipeline _unreachable = CreateRetryWhileUnreachable(client, terminal);

    public async Task<int> RunAsync(string? username, CancellationToken cancellationToken)
    {
        if (!await RegisterAsync(username, cancellationToken))
        {
            return 1;
        }
        terminal.WriteLine($"* connected to {client.Endpoint} as {InertText.Of(client.Username!)}; /help lists the commands", LineKind.Notice);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var showing = ShowRoomAsync(stop);
        try
        {
            await ReadInputAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The room ended the session (see ShowRoomAsync).
        }
        finally
        {
            await stop.CancelAsync();
        }
        return await showing;
    }

    // Asks for a name until one is taken; the same name again while the service is unreachable.
    private async Task<bool> RegisterAsync(string? username, CancellationToken cancellationToken)
    {
        while (true)
        {
            username ??= await terminal.ReadLineAsync("Username: ", cancellationToken);
            if (username is null)
            {
                return false;
            }

            try
            {
                var name = username.Trim();
                var result = await _unreachable.ExecuteAsync(async token => await client.RegisterAsync(name, token), cancellationToken);
                if (result.Outcome == RegistrationOutcome.Added)
                {
                    return true;
                }
                terminal.WriteLine($"! {result.Message}", LineKind.Error);
                username = null;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                terminal.WriteLine($"! the chat service refused: {ServiceErrors.Describe(ex)}", LineKind.Error);
                return false;
            }
        }
    }

    // The service is away (restarting, say) or slow: the person hears so and waits.
    private static ResiliencePipeline CreateRetryWhileUnreachable(ChatClient client, ITerminal terminal) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(ex => ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded),
            OnRetry = args =>
            {
                var delay = args.RetryDelay.TotalSeconds;
                terminal.WriteLine(ServiceErrors.ServiceSaid((RpcException)args.Outcome.Exception!) is { } said
                    ? $"* {said} Retrying in {delay:0} s."
                    : $"* cannot reach the chat service at {client.Endpoint}; retrying in {delay:0} s", LineKind.Notice);
                return ValueTask.CompletedTask;
            },
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.FromSeconds(2),
        })
        .Build();

    private async Task ReadInputAsync(CancellationToken cancellationToken)
    {
        while (await terminal.ReadLineAsync($"{PromptName(client.Username!)}> ", cancellationToken) is { } line)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('/'))
            {
                if (!await RunCommandAsync(line, cancellationToken))
                {
                    return;
                }
                continue;
            }
            await SendAsync(line, cancellationToken);
        }
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.SendAsync(text, cancellationToken);
            if (!result.IsSent)
            {
                terminal.WriteLine($"! {result.Message}", LineKind.Error);
            }
            // A direct message to oneself comes back through the room: no echo then.
            else if (MessageFormatter.TryFormatOwnDirect(text, client.Username, out var echo))
            {
                terminal.WriteLine(echo, LineKind.Direct);
            }
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            terminal.WriteLine($"! not sent: {ServiceErrors.Describe(ex)}", LineKind.Error);
        }
        catch (Exception ex) when (ex is ChatSessionLostException or ChatDisconnectedException)
        {
            terminal.WriteLine($"! {ex.Message}", LineKind.Error);
        }
    }

    // False when the session should end.
    private async Task<bool> RunCommandAsync(string command, CancellationToken cancellationToken)
    {
        switch (command.ToLowerInvariant())
        {
            case "/quit" or "/exit":
                return false;
            case "/who":
                try
                {
                    var users = await client.ListUsersAsync(cancellationToken);
                    var names = users.Select(u => Usernames.Same(u.Username, client.Username) ? $"{InertText.Of(u.Username)} (you)" : InertText.Of(u.Username));
                    terminal.WriteLine($"* online: {string.Join(", ", names)}", LineKind.Notice);
                }
                catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    terminal.WriteLine($"! cannot list users: {ServiceErrors.Describe(ex)}", LineKind.Error);
                }
                return true;
            case "/help":
                terminal.WriteLine("* type a message to send it to the room; @name message sends it to name only", LineKind.Notice);
                terminal.WriteLine("* /who lists who is online, /help shows this, /quit leaves (so does Ctrl+C)", LineKind.Notice);
                return true;
            default:
                terminal.WriteLine($"! unknown command {command}; /help lists the commands", LineKind.Error);
                return true;
        }
    }

    // Returns the session's exit code; ends the session when the room is lost for good.
    private async Task<int> ShowRoomAsync(CancellationTokenSource session)
    {
        var cancellationToken = session.Token;
        // One status line per outage, however many attempts it takes, and one when it is over.
        var away = false;
        try
        {
            await foreach (var chatEvent in client.ListenAsync(new ListenOptions(IncludePresence: true), cancellationToken))
            {
                away = Show(chatEvent, away);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (ChatSessionLostException ex)
        {
            terminal.WriteLine($"! {ex.Message}; start again with another name", LineKind.Error);
        }
        catch (ChatDisconnectedException ex)
        {
            // The operator's reason, once (its notice is not shown): the session is over, with
            // no reconnect; the reason says until when the name is held.
            terminal.WriteLine($"! {ex.Reason}", LineKind.Error);
        }
        catch (Exception ex)
        {
            terminal.WriteLine($"! the chat stopped: {ex.Message}", LineKind.Error);
        }
        await session.CancelAsync();
        return 1;
    }

    // Returns whether the room is away after this event.
    private bool Show(ChatEvent chatEvent, bool away)
    {
        switch (chatEvent)
        {
            case ChatMessageReceived { Message.IsDisconnectNotice: true }:
                // The listening ends next, with the same reason: shown then (ShowRoomAsync).
                return away;
            case ChatMessageReceived received:
                var (text, kind) = MessageFormatter.Format(received.Message, client.Username);
                terminal.WriteLine(text, kind);
                return away;
            case ChatConnectionLost when !away:
                terminal.WriteLine("* Connection lost, reconnecting…", LineKind.Notice);
                return true;
            case ChatConnected when away:
                terminal.WriteLine("* Reconnected.", LineKind.Notice);
                return false;
            case ChatMessagesMissed missed:
                ShowMissed(missed);
                return away;
            default:
                return away;
        }
    }

    // A gap the reconnect could not fill, in words: never a quiet "Reconnected".
    private void ShowMissed(ChatMessagesMissed missed)
    {
        if (missed.ServiceRestarted)
        {
            terminal.WriteLine("* The chat service restarted; messages sent while you were disconnected may be missing.", LineKind.Notice);
        }
        if (missed.Count > 0)
        {
            terminal.WriteLine(missed.Count == 1
                ? "* 1 message you missed is no longer in the history."
                : $"* {missed.Count} messages you missed are no longer in the history.", LineKind.Notice);
        }
    }

    // The name in the prompt, inert and no longer than a username can be: a server of another
    // implementation might store a name of any length, and the prompt is one row.
    private static string PromptName(string username)
    {
        var runes = username.EnumerateRunes().ToArray();
        var shown = runes.Length <= Usernames.MaxLength ? username : string.Concat(runes.Take(Usernames.MaxLength)) + "…";
        return InertText.Of(shown);
    }
}
