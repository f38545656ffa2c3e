namespace AspireChat.BotClient.Bots;

// One line of a bot's script: what to say, then how long to wait.
public sealed class BotLine
{
    public string Say { get; set; } = "";

    public TimeSpan Pause { get; set; } = TimeSpan.FromSeconds(3);
}
