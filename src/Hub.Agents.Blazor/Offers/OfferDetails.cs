using ContactHub.Core.Domain;
using ContactHub.Core.Store;

namespace ContactHub.Agents.Blazor.Offers;

/// <summary>What the agent needs to decide on an offer: who, on which channel, and what they wrote first.</summary>
public sealed record OfferDetails(string CustomerName, ChannelKind Channel, string Preview)
{
    /// <summary>How many of the customer's earlier interactions the offer shows (the screen pop).</summary>
    public const int HistoryLength = 4;

    /// <summary>The customer's latest interactions from other conversations, newest first: on a call, the agent knows
    /// who is ringing and why before answering.</summary>
    public IReadOnlyList<Interaction> History { get; init; } = [];

    public static async Task<OfferDetails?> LoadAsync(long conversationId, ConversationRepository conversations, ContactDirectory contacts, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var contact = await contacts.GetAsync(conversation.ContactId, cancellationToken);
        var interactions = await conversations.InteractionsAsync(conversationId, cancellationToken);
        var recent = await contacts.TimelineAsync(conversation.ContactId, beforeId: null, limit: 20, cancellationToken);
        return new OfferDetails(
            contact?.DisplayName ?? "Unknown customer",
            conversation.Channel,
            conversation.Channel == ChannelKind.Voice && FirstCustomerText(interactions) is null ? "Incoming call" : TextPreview.Of(FirstCustomerText(interactions)))
        {
            History = EarlierHistory(recent, conversationId),
        };
    }

    /// <summary>Interactions outside the offered conversation, newest first, at most <see cref="HistoryLength"/>.</summary>
    public static IReadOnlyList<Interaction> EarlierHistory(IEnumerable<Interaction> timeline, long offeredConversationId) =>
        timeline.Where(i => i.ConversationId != offeredConversationId).OrderByDescending(i => i.Id).Take(HistoryLength).ToList();

    /// <summary>The customer's first written words; a call or a bare attachment has none, so the next message is used.</summary>
    public static string? FirstCustomerText(IEnumerable<Interaction> interactions) =>
        interactions.FirstOrDefault(i => i.Direction == InteractionDirection.In && !string.IsNullOrWhiteSpace(i.Text))?.Text;
}
