using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Configuration;

// The data annotations of ChatOptions, each failure naming its setting as configuration spells it
// ("Chat:MaxStreamsPerUser: ..."), so a refused start says what to fix.
internal sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(results.Select(r => $"{ChatOptions.SectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }
}
