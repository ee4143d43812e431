using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class TransferTests : IDisposable
{
    private readonly RouterHarness harness = new();

    /// <summary>Agent 7 holds voice conversation 1; agent 8 is available.</summary>
    private async Task SetUpAsync()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1, channel: ChannelKind.Voice));
        await harness.AcceptAsync(7, 1);
        await harness.GoAvailableAsync(8);
    }

    [Fact]
    public async Task TransferToAnAgentMovesCapacityOnlyWhenTheReceiverAccepts()
    {
        await SetUpAsync();

        var offer = await harness.Router.TransferToAgentAsync(7, 1, 8).WithTimeout();

        Assert.Equal((8L, "transfer"), (offer!.AgentId, offer.Reason!.Basis));
        Assert.Equal(1, (await harness.StateAsync(7)).ActiveConversations);
        Assert.Equal(OfferAnswer.Accepted, await harness.AcceptAsync(8, 1));
        Assert.Equal((0, 1), ((await harness.StateAsync(7)).ActiveConversations, (await harness.StateAsync(8)).ActiveConversations));
        Assert.Null(await harness.ReleaseAsync(7, 1));
        Assert.Equal(1, (await harness.StateAsync(8)).ActiveConversations);
        await harness.ReleaseAsync(8, 1);
        Assert.Equal(0, (await harness.StateAsync(8)).ActiveConversations);
    }

    [Fact]
    public async Task DeclinedTransferLeavesTheConversationWithTheSender()
    {
        await SetUpAsync();
        await harness.Router.TransferToAgentAsync(7, 1, 8).WithTimeout();

        Assert.Null(await harness.Router.DeclineAsync(8, 1).WithTimeout());

        Assert.Equal((1, 0), ((await harness.StateAsync(7)).ActiveConversations, (await harness.StateAsync(8)).ActiveConversations));
        Assert.Null((await harness.StateAsync(8)).PendingOffer);
        Assert.Equal(OfferAnswer.NotOffered, await harness.AcceptAsync(8, 1));
        await harness.ReleaseAsync(7, 1);
        Assert.Equal(0, (await harness.StateAsync(7)).ActiveConversations);
    }

    [Fact]
    public async Task TimedOutTransferLeavesTheConversationWithTheSender()
    {
        await SetUpAsync();
        await harness.Router.TransferToAgentAsync(7, 1, 8).WithTimeout();

        var expired = Assert.Single(await harness.AdvanceAndSweepAsync(harness.Options.OfferTimeoutSeconds));

        Assert.Equal((8L, (Offer?)null), (expired.Expired.AgentId, expired.Next));
        Assert.Equal((1, 0), ((await harness.StateAsync(7)).ActiveConversations, (await harness.StateAsync(8)).ActiveConversations));
    }

    [Fact]
    public async Task TransferToAnAgentWithoutFreeCapacityIsRefused()
    {
        await SetUpAsync();
        await harness.EnqueueAsync(harness.NewTask(2, channel: ChannelKind.Voice));
        await harness.AcceptAsync(8, 2);

        Assert.Null(await harness.Router.TransferToAgentAsync(7, 1, 8).WithTimeout());
        Assert.Null(await harness.Router.TransferToAgentAsync(8, 1, 7).WithTimeout());
    }

    [Fact]
    public async Task TransferToAQueueFreesTheSendersCapacityAndOffersItOnward()
    {
        await SetUpAsync();
        await harness.EnqueueAsync(harness.NewTask(2, channel: ChannelKind.Voice));
        Assert.Equal(2, (await harness.StateAsync(8)).PendingOffer?.ConversationId);

        var offer = await harness.Router.TransferToQueueAsync(7, 1, "billing", priority: 3).WithTimeout();

        // Agent 8 has an offer pending and the sender is not handed it straight back, so it waits.
        Assert.Null(offer);
        Assert.Equal(0, (await harness.StateAsync(7)).ActiveConversations);
        await harness.Router.DeclineAsync(8, 2).WithTimeout();
        var state = await harness.StateAsync(8);
        Assert.Equal((1L, "transfer"), (state.PendingOffer?.ConversationId ?? 0, state.PendingOffer?.Reason?.Basis));
    }

    public void Dispose() => harness.Dispose();
}
