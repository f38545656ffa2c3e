using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AspireChat.BotClient.Bots;

// The bot's settings, each failure in words that say what to set: a bot named without a script
// of its own learns which names have one shipped.
internal sealed class BotOptionsValidator(IConfiguration configuration) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results.Select(r => $"{BotOptions.SectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
        if (options.Name.Length > 0 && !HasScript(options))
        {
            var shipped = configuration.GetSection(BotOptions.ScriptsSectionName).GetChildren().Select(script => script.Key);
            failures.Add($"The bot {options.Name} has no script: give it lines to say (Bot__Script__0__Say=hello), or use a name with a script of its own ({string.Join(", ", shipped)}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasScript(BotOptions options) =>
        options.Script.Count > 0 && options.Script.All(line => !string.IsNullOrWhiteSpace(line.Say));
}
