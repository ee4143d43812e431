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
}
