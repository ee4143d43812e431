using ContactHub.Core.Domain;
using ContactHub.Core.Store;

namespace ContactHub.Agents.Blazor.Offers;

/// <summary>What the agent needs to decide on an offer: who, on which channel, and what they wrote first.</summary>
public sealed record OfferDetails(string CustomerName, ChannelKind Channel, string Preview)
{
    public static async Task<OfferDetails?> LoadAsync(long conversationId, ConversationRepository conversations, ContactDirectory contacts, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var contact = await contacts.GetAsync(conversation.ContactId, cancellationToken);
        var interactions = await conversations.InteractionsAsync(conversationId, cancellationToken);
        return new OfferDetails(
            contact?.DisplayName ?? "Unknown customer",
            conversation.Channel,
            TextPreview.Of(FirstCustomerText(interactions)));
    }

    /// <summary>The customer's first written words; a call or a bare attachment has none, so the next message is used.</summary>
    public static string? FirstCustomerText(IEnumerable<Interaction> interactions) =>
        interactions.FirstOrDefault(i => i.Direction == InteractionDirection.In && !string.IsNullOrWhiteSpace(i.Text))?.Text;
}
