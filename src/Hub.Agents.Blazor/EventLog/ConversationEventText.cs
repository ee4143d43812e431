using System.Globalization;
using System.Text.Json;
using ContactHub.Core.Store;

namespace ContactHub.Agents.Blazor.EventLog;

/// <summary>One line of a conversation's "why": what happened, in words, with the note someone left.</summary>
public sealed record ConversationEventLine(long Id, string Kind, string Text, string? Note, DateTimeOffset At)
{
    /// <summary>Reads the event's JSON defensively: a field missing or of another type drops that part of the sentence, never the line.</summary>
    public static ConversationEventLine From(ConversationEvent e, Func<long, string> nameOf)
    {
        var data = e.Data is { ValueKind: JsonValueKind.Object } d ? d : (JsonElement?)null;
        var who = e.AgentId is { } id ? nameOf(id) : "the router";
        var note = StringOf(data, "note");
        var text = e.Kind switch
        {
            ConversationEventKinds.Assigned => Assigned(who, data),
            ConversationEventKinds.Transferred => Transferred(who, data, nameOf),
            ConversationEventKinds.Reclaimed => Reclaimed(e.AgentId is null ? null : who, data),
            ConversationEventKinds.Resolved => StringOf(data, "disposition") is { } disposition ? $"Resolved by {who} — {disposition}" : $"Resolved by {who}",
            ConversationEventKinds.OptedOut => $"Customer opted out by sending \"{StringOf(data, "keyword") ?? "STOP"}\": no more texts until they send START",
            ConversationEventKinds.OptedIn => $"Customer opted back in by sending \"{StringOf(data, "keyword") ?? "START"}\"",
            ConversationEventKinds.Unblocked => "Customer wrote to the bot again after blocking it: replies can be sent again",
            ConversationEventKinds.StartPayload => $"Customer opened the chat from a link with start payload \"{StringOf(data, "payload") ?? ""}\"",
            ConversationEventKinds.DeliveryFailed => Delivery("Reply not delivered", data),
            ConversationEventKinds.DeliveryDelayed => Delivery("Reply delayed, the mail system keeps trying", data),
            _ => $"{Capitalise(e.Kind)} ({who})",
        };
        return new ConversationEventLine(e.Id, e.Kind, text, string.IsNullOrWhiteSpace(note) ? null : note, e.CreatedAt);
    }

    private static string Assigned(string who, JsonElement? data)
    {
        var parts = new List<string>();
        var basis = StringOf(data, "basis");
        var candidates = Number(data, "candidatesConsidered");
        var candidatesText = candidates is { } n ? $"{n.ToString(CultureInfo.InvariantCulture)} candidate{(n == 1 ? "" : "s")}" : null;
        if (basis is not null)
        {
            var phrase = Basis(basis);
            parts.Add(candidatesText is null ? phrase : basis == "longest-idle" ? $"{phrase} of {candidatesText}" : $"{phrase}, {candidatesText}");
        }
        else if (candidatesText is not null)
        {
            parts.Add(candidatesText);
        }
        if (StringOf(data, "rule") is { } rule)
        {
            parts.Add($"rule {rule}");
        }
        if (Number(data, "step") is { } step)
        {
            parts.Add($"step {step.ToString(CultureInfo.InvariantCulture)}");
        }
        return parts.Count == 0 ? $"Assigned to {who}" : $"Assigned to {who} — {string.Join(", ", parts)}";
    }

    /// <summary>"Reply not delivered to dana@example.com (5.1.1): The mailbox does not exist".</summary>
    private static string Delivery(string what, JsonElement? data)
    {
        var text = StringOf(data, "recipient") is { } recipient ? $"{what} to {recipient}" : what;
        if (StringOf(data, "code") is { } code)
        {
            text += $" ({code})";
        }
        return StringOf(data, "reason") is { } reason ? $"{text}: {reason}" : text;
    }

    private static string Transferred(string who, JsonElement? data, Func<long, string> nameOf)
    {
        if (Number(data, "toAgentId") is { } to)
        {
            var text = $"{who} transferred to {nameOf(to)}";
            return Bool(data, "offered") == false ? text + " — not available, stayed with " + who : text;
        }
        return StringOf(data, "queue") is { } queue ? $"{who} transferred to queue {queue}" : $"{who} transferred";
    }

    private static string Reclaimed(string? from, JsonElement? data)
    {
        var text = from is null ? "Taken back" : $"Taken back from {from}";
        if (StringOf(data, "queue") is { } queue)
        {
            text += $", back to queue {queue}";
        }
        if (StringOf(data, "reason") is { } reason)
        {
            text += $" ({reason})";
        }
        return text;
    }

    private static string Basis(string basis) => basis switch
    {
        "longest-idle" => "longest idle",
        "sticky" => "customer's last agent (sticky)",
        "overflow" => "overflow",
        "transfer" => "transferred",
        "reclaimed" => "taken back",
        _ => basis.Replace('-', ' '),
    };

    private static JsonElement? Property(JsonElement? data, string name)
    {
        if (data is not { } element)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string? StringOf(JsonElement? data, string name) =>
        Property(data, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static long? Number(JsonElement? data, string name) =>
        Property(data, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    private static bool? Bool(JsonElement? data, string name) => Property(data, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static string Capitalise(string kind) => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..];
}
