using ContactHub.Agents.Blazor.Offers;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class OfferTrackerTests
{
    private const long Me = 5;
    private static readonly DateTimeOffset Expiry = Fakes.Noon.AddSeconds(30);

    [Fact]
    public void AnOfferToThisAgentIsShown()
    {
        var tracker = new OfferTracker(Me);

        Assert.True(tracker.Apply(new OfferMade(Me, 11, Expiry)));
        Assert.Equal(new Offer(11, Me, Expiry), tracker.Pending);
    }

    [Fact]
    public void AnOfferToAnotherAgentIsNotThisConsolesBusiness()
    {
        var tracker = new OfferTracker(Me);

        Assert.False(OfferTracker.Concerns(new OfferMade(6, 11, Expiry), Me));
        Assert.False(tracker.Apply(new OfferMade(6, 11, Expiry)));
        Assert.Null(tracker.Pending);
    }

    [Fact]
    public void AWithdrawalHidesTheOfferItNames()
    {
        var tracker = new OfferTracker(Me);
        tracker.Apply(new OfferMade(Me, 11, Expiry));

        Assert.True(tracker.Apply(new OfferWithdrawn(Me, 11)));
        Assert.Null(tracker.Pending);
    }

    [Fact]
    public void ALateWithdrawalOfAnOlderOfferLeavesTheNewOneShown()
    {
        var tracker = new OfferTracker(Me);
        tracker.Apply(new OfferMade(Me, 11, Expiry));
        tracker.Apply(new OfferMade(Me, 12, Expiry));

        Assert.False(tracker.Apply(new OfferWithdrawn(Me, 11)));
        Assert.Equal(12, tracker.Pending?.ConversationId);
    }

    [Fact]
    public void AssignmentOfTheOfferedConversationHidesTheBanner()
    {
        var tracker = new OfferTracker(Me);
        tracker.Apply(new OfferMade(Me, 11, Expiry));

        Assert.True(tracker.Apply(new ConversationAssigned(Me, 11, 7)));
        Assert.Null(tracker.Pending);
    }

    [Fact]
    public void TheOfferDisappearsWhenItsTimeIsUpEvenWithoutAnEvent()
    {
        var tracker = new OfferTracker(Me);
        tracker.Apply(new OfferMade(Me, 11, Expiry));

        Assert.False(tracker.Expire(Expiry.AddSeconds(-1)));
        Assert.True(tracker.Expire(Expiry));
        Assert.Null(tracker.Pending);
    }

    [Fact]
    public void TheRoutersStateReplacesWhatTheConsoleThought()
    {
        var tracker = new OfferTracker(Me);
        tracker.Apply(new OfferMade(Me, 11, Expiry));

        Assert.True(tracker.Reset(null));
        Assert.Null(tracker.Pending);
        Assert.True(tracker.Reset(new Offer(13, Me, Expiry)));
        Assert.False(tracker.Reset(new Offer(13, Me, Expiry)));
    }

    [Fact]
    public void PresenceChangesOfThisAgentConcernTheBanner() =>
        Assert.True(OfferTracker.Concerns(new AgentPresenceChanged(Me, "away"), Me));
}
