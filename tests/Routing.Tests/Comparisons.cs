using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

/// <summary>Compares what a test states: offers without their reason, agent states on the fields it names.</summary>
internal static class Comparisons
{
    public static Offer? Plain(this Offer? offer) => offer is null ? null : offer with { Reason = null };

    public static (AgentPresence Presence, int Active, Offer? Pending) Basics(this AgentRoutingState state) =>
        (state.Presence, state.ActiveConversations, state.PendingOffer.Plain());
}
