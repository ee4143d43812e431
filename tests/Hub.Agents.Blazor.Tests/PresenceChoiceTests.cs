using ContactHub.Agents.Blazor.Presence;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class PresenceChoiceTests
{
    [Fact]
    public void TheSwitchOffersAvailableAwayAndOfflineInThatOrder() =>
        Assert.Equal(["available", "away", "offline"], PresenceChoice.All.Select(c => c.Wire));

    [Fact]
    public void ThePresenceEventsWireNameParsesBack()
    {
        Assert.True(PresenceChoice.TryParse("Away", out var presence));
        Assert.Equal(AgentPresence.Away, presence);
    }

    [Fact]
    public void AnUnknownPresenceIsNotGuessed() => Assert.False(PresenceChoice.TryParse("wrap-up", out _));
}
