using ContactHub.Core.Events;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Offers;

/// <summary>
/// Which offer, if any, the banner should show for one agent. Events for other agents are not its
/// business; a withdrawal or assignment only clears the offer it names, so a late event for an old offer
/// does not hide a newer one.
/// </summary>
public sealed class OfferTracker(long agentId)
{
    public Offer? Pending { get; private set; }

    public static bool Concerns(HubEvent hubEvent, long agentId) => hubEvent switch
    {
        OfferMade made => made.AgentId == agentId,
        OfferWithdrawn withdrawn => withdrawn.AgentId == agentId,
        ConversationAssigned assigned => assigned.AgentId == agentId,
        AgentPresenceChanged presence => presence.AgentId == agentId,
        _ => false,
    };

    /// <summary>Applies an event; true when the shown offer changed.</summary>
    public bool Apply(HubEvent hubEvent)
    {
        switch (hubEvent)
        {
            case OfferMade made when made.AgentId == agentId:
                return Set(new Offer(made.ConversationId, agentId, made.ExpiresAt));
            case OfferWithdrawn withdrawn when withdrawn.AgentId == agentId && Pending?.ConversationId == withdrawn.ConversationId:
            case ConversationAssigned assigned when assigned.AgentId == agentId && Pending?.ConversationId == assigned.ConversationId:
                return Set(null);
            default:
                return false;
        }
    }

    /// <summary>Takes the router's view as the truth (on load, and after presence changes that may have withdrawn offers).</summary>
    public bool Reset(Offer? fromRouter) => Set(fromRouter is { } offer && offer.AgentId == agentId ? offer : null);

    /// <summary>Drops the offer once its time is up, even if the expiry event is late or lost.</summary>
    public bool Expire(DateTimeOffset now) => Pending is { } offer && offer.ExpiresAt <= now && Set(null);

    public bool Clear() => Set(null);

    private bool Set(Offer? offer)
    {
        if (Pending == offer)
        {
            return false;
        }
        Pending = offer;
        return true;
    }
}
