using ContactHub.Agents.Blazor.Offers;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public class OfferDetailsTests
{
    [Fact]
    public void ThePreviewIsTheCustomersFirstWrittenMessage()
    {
        var interactions = new[]
        {
            Fakes.Message(1, text: "", direction: InteractionDirection.In),
            Fakes.Message(2, text: "auto-reply", direction: InteractionDirection.Out),
            Fakes.Message(3, text: "Where is my parcel?"),
            Fakes.Message(4, text: "Hello?"),
        };

        Assert.Equal("Where is my parcel?", OfferDetails.FirstCustomerText(interactions));
    }

    [Fact]
    public void AConversationWithoutCustomerTextHasNoPreview() =>
        Assert.Null(OfferDetails.FirstCustomerText([Fakes.Message(1, text: " ")]));

    [Fact]
    public void TheScreenPopShowsTheLatestFromOtherConversationsNewestFirst()
    {
        var timeline = Enumerable.Range(1, 7).Select(id => Fakes.Message(id, conversationId: id <= 5 ? 1 : 2)).ToList();

        var history = OfferDetails.EarlierHistory(timeline, offeredConversationId: 2);

        Assert.Equal([5L, 4L, 3L, 2L], history.Select(i => i.Id));
    }

    [Fact]
    public void ACustomerWithNoEarlierConversationsHasNoScreenPop() =>
        Assert.Empty(OfferDetails.EarlierHistory([Fakes.Message(1, conversationId: 9)], offeredConversationId: 9));
}
