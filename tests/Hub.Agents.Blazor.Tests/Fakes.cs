using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

internal static class Fakes
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Interaction Message(long id, string status = "received", InteractionDirection direction = InteractionDirection.In, long conversationId = 1, string? text = null, string? errorCode = null) =>
        new(id, conversationId, ContactId: 7, ChannelKind.Sms, direction, ExternalId: null, text ?? $"message {id}", [], status, errorCode, AuthorAgentId: null, Noon.AddMinutes(id));

    public static IReadOnlyList<Interaction> Range(long firstId, long lastId) =>
        Enumerable.Range((int)firstId, (int)(lastId - firstId + 1)).Select(id => Message(id)).ToList();
}
