using System.ComponentModel.DataAnnotations;

namespace AspireChat.BotClient.Bots;

// Bound from "Bot" (Bot__Name=alice). Without a Script of its own, the bot takes the one shipped
// for its name under "BotScripts".
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    // The scripts shipped in appsettings.json, by bot name.
    public const string ScriptsSectionName = "BotScripts";

    [Required(ErrorMessage = "the bot needs a name (for example Bot__Name=alice).")]
    public string Name { get; set; } = "";

    public List<BotLine> Script { get; set; } = [];

    // The pause after the last line, before the script starts again.
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LoopPause { get; set; } = TimeSpan.FromSeconds(10);

    // After the room's operator disconnected the bot: how long between tries to join again under
    // its name, which the operator holds for a while (each try is one line in the log).
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RejoinDelay { get; set; } = TimeSpan.FromSeconds(30);

    // Zero: loop for ever; otherwise run the script this many times, then stay online answering.
    [Range(0, int.MaxValue)]
    public int Loops { get; set; }
}
