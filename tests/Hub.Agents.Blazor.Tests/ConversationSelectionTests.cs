using ContactHub.Agents.Blazor.Conversations;

namespace ContactHub.Agents.Blazor.Tests;

public class ConversationSelectionTests
{
    [Fact]
    public void TheFirstConversationIsSelectedWhenNothingWas() =>
        Assert.Equal(3, ConversationSelection.AfterReload([], [3, 4], null));

    [Fact]
    public void ASelectionStillListedStaysSelectedWhenTheOrderChanges() =>
        Assert.Equal(4, ConversationSelection.AfterReload([3, 4, 5], [5, 4, 3], 4));

    [Fact]
    public void AResolvedConversationHandsTheSelectionToItsNeighbour() =>
        Assert.Equal(5, ConversationSelection.AfterReload([3, 4, 5], [3, 5], 4));

    [Fact]
    public void ResolvingTheLastRowSelectsTheNewLastRow() =>
        Assert.Equal(4, ConversationSelection.AfterReload([3, 4, 5], [3, 4], 5));

    [Fact]
    public void ResolvingTheOnlyConversationClearsTheSelection() =>
        Assert.Null(ConversationSelection.AfterReload([3], [], 3));

    [Fact]
    public void AJustAcceptedConversationStaysSelectedUntilTheListCatchesUp() =>
        Assert.Equal(9, ConversationSelection.AfterReload([3, 4], [3, 4], 9));

    [Fact]
    public void MovingDownAndUpStopsAtTheEnds()
    {
        long[] ids = [3, 4, 5];

        Assert.Equal(4, ConversationSelection.Move(ids, 3, 1));
        Assert.Equal(5, ConversationSelection.Move(ids, 5, 1));
        Assert.Equal(3, ConversationSelection.Move(ids, 3, -1));
    }

    [Fact]
    public void MovingWithoutASelectionStartsAtTheEndInThatDirection()
    {
        Assert.Equal(3, ConversationSelection.Move([3, 4, 5], null, 1));
        Assert.Equal(5, ConversationSelection.Move([3, 4, 5], null, -1));
    }
}
