using System.Globalization;

namespace AspireChat.AppHost.Operations;

// The inputs the commands share, and how their values are read.
internal static class OperationInputs
{
    public const string Username = "username";
    public const string Reason = "reason";
    public const string Minutes = "minutes";

    // The service's limits: a reason of at most 200 characters, a period of at most a day.
    private const int MaxReasonLength = 200;
    private const double MaxMinutes = 24 * 60;
    private const string DefaultMinutes = "10";

    public static InteractionInput UsernameInput(string description, OnlineNames choices) => new()
    {
        Name = Username,
        Label = "User",
        Description = description,
        InputType = InputType.Choice,
        AllowCustomChoice = true,
        DynamicLoading = choices.Loading,
        Required = true,
        Placeholder = "alice",
    };

    public static InteractionInput ReasonInput(string description) => new()
    {
        Name = Reason,
        Label = "Reason",
        Description = description,
        InputType = InputType.Text,
        Required = true,
        MaxLength = MaxReasonLength,
    };

    public static InteractionInput MinutesInput(string label) => new()
    {
        Name = Minutes,
        Label = label,
        Description = $"Up to {MaxMinutes} (a day); {DefaultMinutes} when left empty.",
        InputType = InputType.Number,
        Value = DefaultMinutes,
    };

    // Aspire has checked that it is a number; the service takes more than none and at most a day.
    public static Task ValidateMinutesAsync(InputsDialogValidationContext context)
    {
        // NaN compares false with everything: it is refused here, not by TimeSpan later.
        if (context.Inputs.TryGetByName(Minutes, out var minutes) && !string.IsNullOrEmpty(minutes.Value)
            && !(double.TryParse(minutes.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= MaxMinutes))
        {
            context.AddValidationError(minutes, $"More than 0 and at most {MaxMinutes} minutes (a day).");
        }
        return Task.CompletedTask;
    }

    public static string Text(this InteractionInputCollection arguments, string name) =>
        arguments.TryGetByName(name, out var input) ? input.Value ?? "" : "";

    public static TimeSpan Period(this InteractionInputCollection arguments)
    {
        var minutes = arguments.Text(Minutes);
        return TimeSpan.FromMinutes(double.Parse(minutes.Length > 0 ? minutes : DefaultMinutes, CultureInfo.InvariantCulture));
    }
}
