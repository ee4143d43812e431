using ContactHub.Agents.Blazor.Presence;

namespace ContactHub.Agents.Blazor.Tests;

public class AwayReasonTests
{
    [Fact]
    public void TheMenuOffersTheFiveUsualReasons() =>
        Assert.Equal(["Break", "Lunch", "Meeting", "Training", "Other"], AwayReason.All.Select(r => r.Label));

    [Theory]
    [InlineData("lunch", "Lunch")]
    [InlineData("TRAINING", "Training")]
    [InlineData("missed-offers", "Missed offers")]
    public void KnownReasonsShowTheirLabelAndOthersAreMadeReadable(string wire, string shown) =>
        Assert.Equal(shown, AwayReason.Display(wire));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void NoReasonShowsNothing(string? wire) => Assert.Null(AwayReason.Display(wire));
}
