using System.Text.RegularExpressions;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.WebChat;

/// <summary>What the widget's forms and messages must look like; each check answers with the sentence the visitor sees.</summary>
public static partial class VisitorInput
{
    public static bool KeyMatches(string? channelKey, WebChatOptions options) =>
        channelKey is { Length: > 0 } && channelKey.Length <= 200 && string.Equals(channelKey, options.ChannelKey, StringComparison.Ordinal);

    public static string? NameProblem(string name, WebChatOptions options) =>
        name.Length == 0 ? "Please tell us your name."
        : name.Length > options.MaxNameLength ? $"Please keep your name under {options.MaxNameLength} characters."
        : null;

    public static string? EmailProblem(string? email, bool required) =>
        email is null or "" ? (required ? "Please give your e-mail address, so we can answer you." : null)
        : EmailAddress.IsValid(email) ? null
        : "That e-mail address does not look right.";

    public static string? TextProblem(string text, WebChatOptions options) =>
        text.Length > options.MaxMessageLength ? $"Messages can be at most {options.MaxMessageLength} characters." : null;

    /// <summary>The widget's message ids are random; a resend carries the same one, so it is stored once.</summary>
    public static string? IdProblem(string? messageId) =>
        messageId is not null && MessageId().IsMatch(messageId) ? null : "Each message needs a messageId of 8 to 100 letters, digits, '-' or '_'.";

    [GeneratedRegex("^[A-Za-z0-9_-]{8,100}$")]
    private static partial Regex MessageId();
}
