using System.Text.RegularExpressions;
using ContactHub.Core.Domain;

namespace ContactHub.Core.Config;

/// <summary>
/// Every check on admin input, shared by the REST API and the admin pages. Each method returns null when the input
/// is acceptable, otherwise one sentence an admin can act on.
/// </summary>
public static partial class RoutingValidation
{
    public const int MaxPriority = 100;
    public const int MaxSkillLevel = 10;
    public const int MaxCapacity = 50;
    public const int MaxRules = 200;
    public const int MaxAttributes = 50;
    public const int MaxOutOfHoursReply = 1600;
    public const int MinVoicemailAfterSeconds = 10;
    public const int MaxVoicemailAfterSeconds = 4 * 3600;
    private const int Week = 7 * 24 * 3600;

    /// <summary>Queue, team, skill names: lower-case letters, digits, '-' and '_', 1-40 characters, starting with a letter or digit.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    public static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,39}$")]
    private static partial Regex AttributeKeyPattern();

    public static string? Queue(QueueDefinition queue, IReadOnlyCollection<string> knownQueues) =>
        Name("Queue name", queue.Name)
        ?? Text("Display name", queue.DisplayName, 1, 80)
        ?? Range("priority", queue.Priority, 0, MaxPriority)
        ?? Range("serviceLevelSeconds", queue.ServiceLevelSeconds, 1, Week)
        ?? Range("offerTimeoutSeconds", queue.OfferTimeoutSeconds, 5, 3600)
        ?? Range("wrapUpSeconds", queue.WrapUpSeconds, 0, 3600)
        ?? Range("stickySeconds", queue.StickySeconds, 0, Week)
        ?? Range("replyTimerSeconds", queue.ReplyTimerSeconds, 0, Week)
        ?? Range("maxConsecutiveTimeouts", queue.MaxConsecutiveTimeouts, 1, 20)
        ?? VoicemailAfter(queue.VoicemailAfterSeconds)
        ?? (queue.Team is null ? null : Name("Team", queue.Team))
        ?? Skills(queue.RequiredSkills)
        ?? Overflow(queue, knownQueues)
        ?? (queue.Hours is null ? "hours are required (an empty object means always open)." : BusinessHours.TryCreate(queue.Hours, queue.TimeZone, out _))
        ?? (queue.OutOfHoursReply is { Length: > MaxOutOfHoursReply } ? $"outOfHoursReply is longer than {MaxOutOfHoursReply} characters." : null)
        ?? QueueEmailFrom(queue);

    /// <summary>0 turns it off; a few seconds would send every caller to voicemail before anyone could answer.</summary>
    private static string? VoicemailAfter(int seconds) =>
        seconds is 0 or (>= MinVoicemailAfterSeconds and <= MaxVoicemailAfterSeconds)
            ? null
            : $"voicemailAfterSeconds must be 0 (never) or between {MinVoicemailAfterSeconds} and {MaxVoicemailAfterSeconds}.";

    /// <summary>Optional: an empty address means the hub's own; a name alone has nothing to be the name of.</summary>
    private static string? QueueEmailFrom(QueueDefinition queue)
    {
        if (string.IsNullOrWhiteSpace(queue.EmailFrom))
        {
            return string.IsNullOrWhiteSpace(queue.EmailFromName) ? null : "emailFromName needs an emailFrom address.";
        }
        if (!EmailAddress.IsValid(queue.EmailFrom.Trim()))
        {
            return $"emailFrom '{queue.EmailFrom}' is not a plain e-mail address such as billing@example.com.";
        }
        return string.IsNullOrWhiteSpace(queue.EmailFromName) ? null : Text("emailFromName", queue.EmailFromName, 1, 80);
    }

    public static string? Rules(IReadOnlyList<RoutingRule>? rules, IReadOnlyCollection<string> knownQueues)
    {
        if (rules is null)
        {
            return "The body must be the list of rules (an empty list removes them all).";
        }
        if (rules.Count > MaxRules)
        {
            return $"At most {MaxRules} rules.";
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var error = rule is null ? "is empty." : Rule(rule, knownQueues);
            if (error is not null)
            {
                return $"Rule {i + 1}{(rule is null || string.IsNullOrWhiteSpace(rule.Name) ? "" : $" ({rule.Name})")}: {error}";
            }
        }
        return null;
    }

    public static string? AgentProfile(AgentProfileInput? profile)
    {
        if (profile is null)
        {
            return "The body must be a profile.";
        }
        if (profile.Team is not null && Name("Team", profile.Team) is { } teamError)
        {
            return teamError;
        }
        if (Skills(profile.Skills ?? new Dictionary<string, int>()) is { } skillError)
        {
            return skillError;
        }
        foreach (var (channel, capacity) in profile.Capacity ?? new Dictionary<string, int>())
        {
            if (!ChannelNames.TryParse(channel, out _))
            {
                return $"Unknown channel '{channel}' in capacity.";
            }
            if (Range($"capacity of {channel}", capacity, 0, MaxCapacity) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    public static string? Attributes(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null)
        {
            return "The body must be an object of attribute names to values.";
        }
        if (attributes.Count > MaxAttributes)
        {
            return $"At most {MaxAttributes} attributes.";
        }
        foreach (var (key, value) in attributes)
        {
            if (!AttributeKeyPattern().IsMatch(key.Trim().ToLowerInvariant()))
            {
                return $"Attribute name '{key}' must be 1-40 letters, digits, '.', '-' or '_'.";
            }
            if (Text($"Attribute '{key}'", value, 1, 200) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static string? Rule(RoutingRule rule, IReadOnlyCollection<string> knownQueues)
    {
        if (Text("name", rule.Name, 1, 80) is { } nameError)
        {
            return nameError;
        }
        if (rule.Queue is null || !knownQueues.Contains(rule.Queue))
        {
            return $"unknown queue '{rule.Queue}'.";
        }
        if (rule.Channel is not null && !ChannelNames.TryParse(rule.Channel, out _))
        {
            return $"unknown channel '{rule.Channel}'.";
        }
        if (rule.Keyword is not null && Text("keyword", rule.Keyword, 1, 100) is { } keywordError)
        {
            return keywordError;
        }
        if (rule.AttributeValue is not null && rule.AttributeKey is null)
        {
            return "an attribute value needs an attribute name.";
        }
        if (rule.AttributeKey is not null && Attributes(new Dictionary<string, string> { [rule.AttributeKey] = rule.AttributeValue ?? "any" }) is { } attributeError)
        {
            return attributeError;
        }
        return (rule.Priority is { } priority ? Range("priority", priority, 0, MaxPriority) : null) ?? Skills(rule.RequiredSkills);
    }

    private static string? Overflow(QueueDefinition queue, IReadOnlyCollection<string> knownQueues)
    {
        if (queue.Overflow is null)
        {
            return "overflow must be a list (empty for none).";
        }
        if (queue.Overflow.Count > 10)
        {
            return "At most 10 overflow steps.";
        }
        var previous = 0;
        foreach (var step in queue.Overflow)
        {
            if (step is null || step.AfterSeconds <= previous || step.AfterSeconds > Week)
            {
                return "Overflow steps need increasing afterSeconds between 1 and 604800.";
            }
            previous = step.AfterSeconds;
            if (step.Team is not null && step.Queue is not null)
            {
                return "An overflow step widens to a team or moves to a queue, not both.";
            }
            if (step.Team is not null && Name("Overflow team", step.Team) is { } teamError)
            {
                return teamError;
            }
            if (step.Queue is not null && (step.Queue == queue.Name || !knownQueues.Contains(step.Queue)))
            {
                return $"Overflow queue '{step.Queue}' is unknown or the queue itself.";
            }
        }
        return null;
    }

    private static string? Skills(IReadOnlyDictionary<string, int>? skills)
    {
        if (skills is null)
        {
            return "skills must be an object of skill names to levels (empty for none).";
        }
        if (skills.Count > 30)
        {
            return "At most 30 skills.";
        }
        foreach (var (skill, level) in skills)
        {
            if (Name("Skill", skill) is { } error)
            {
                return error;
            }
            if (level is < 1 or > MaxSkillLevel)
            {
                return $"Skill '{skill}' needs a level from 1 to {MaxSkillLevel}.";
            }
        }
        return null;
    }

    private static string? Name(string what, string? value) =>
        value is not null && NamePattern().IsMatch(value)
            ? null
            : $"{what} '{value}' must be 1-40 lower-case letters, digits, '-' or '_', starting with a letter or digit.";

    private static string? Text(string what, string? value, int min, int max) =>
        value is null || value.Trim().Length < min || value.Length > max || value.Any(char.IsControl)
            ? $"{what} must be {min}-{max} characters without control characters."
            : null;

    private static string? Range(string what, int value, int min, int max) =>
        value < min || value > max ? $"{what} must be between {min} and {max}." : null;
}
