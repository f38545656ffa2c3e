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
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        if (options.TokenKey is { Length: > 0 } key && !IsKey(key))
        {
            results.Add(new ValidationResult($"The token key must be base64 of at least {ChatOptions.MinimumTokenKeyBytes} bytes.", [nameof(ChatOptions.TokenKey)]));
        }
        if (options.FrontEndKey is { Length: > 0 } frontEndKey && !IsHeaderKey(frontEndKey, ChatOptions.MinimumFrontEndKeyLength))
        {
            results.Add(new ValidationResult($"The front-end key must be at least {ChatOptions.MinimumFrontEndKeyLength} printable ASCII characters, without spaces.", [nameof(ChatOptions.FrontEndKey)]));
        }
        if (options.AdminKey is { Length: > 0 } adminKey && !IsHeaderKey(adminKey, ChatOptions.MinimumAdminKeyLength))
        {
            results.Add(new ValidationResult($"The admin key must be at least {ChatOptions.MinimumAdminKeyLength} printable ASCII characters, without spaces.", [nameof(ChatOptions.AdminKey)]));
        }
        return results.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => $"{ChatOptions.SectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
    }

    private static bool IsKey(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= ChatOptions.MinimumTokenKeyBytes;
    }

    // Sent as a header value: printable ASCII, and no spaces, which a header may lose at its ends.
    private static bool IsHeaderKey(string key, int minimumLength) =>
        key.Length >= minimumLength && key.All(c => c is > ' ' and <= '~');
}
