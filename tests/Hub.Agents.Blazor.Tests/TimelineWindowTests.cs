using ContactHub.Agents.Blazor.History;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public class TimelineWindowTests
{
    private static IEnumerable<long> Ids(TimelineWindow window) => window.Items.Select(i => i.Id);

    [Fact]
    public void AFullFirstPageMeansThereMayBeEarlierMessages()
    {
        var window = new TimelineWindow();

        window.Reset(Fakes.Range(11, 20), pageSize: 10);

        Assert.True(window.HasEarlier);
        Assert.Equal(11, window.OldestId);
    }

    [Fact]
    public void LoadingEarlierPutsOlderMessagesFirstAndStopsAtTheBeginning()
    {
        var window = new TimelineWindow();
        window.Reset(Fakes.Range(11, 20), pageSize: 10);

        window.PrependEarlier(Fakes.Range(5, 10), pageSize: 10);

        Assert.Equal(Enumerable.Range(5, 16).Select(i => (long)i), Ids(window));
        Assert.False(window.HasEarlier);
    }

    [Fact]
    public void ANewMessageIsAppendedOnceEvenIfItsEventArrivesTwice()
    {
        var window = new TimelineWindow();
        window.Reset(Fakes.Range(1, 3), pageSize: 10);

        window.ApplyNewest(Fakes.Range(1, 4), pageSize: 10);
        window.ApplyNewest(Fakes.Range(1, 4), pageSize: 10);

        Assert.Equal([1L, 2, 3, 4], Ids(window));
    }

    [Fact]
    public void ANewestPageAfterAGapRestartsTheWindowInsteadOfShowingAHole()
    {
        var window = new TimelineWindow();
        window.Reset(Fakes.Range(1, 3), pageSize: 10);

        window.ApplyNewest(Fakes.Range(11, 15), pageSize: 5);

        Assert.Equal([11L, 12, 13, 14, 15], Ids(window));
        Assert.True(window.HasEarlier);
    }

    [Fact]
    public void AStatusChangeReplacesTheRowInPlace()
    {
        var window = new TimelineWindow();
        window.Reset([Fakes.Message(1), Fakes.Message(2, "queued", InteractionDirection.Out), Fakes.Message(3)], pageSize: 10);

        window.Upsert(Fakes.Message(2, "failed", InteractionDirection.Out, errorCode: "30007"));

        var row = window.Items[1];
        Assert.Equal(("failed", "30007"), (row.Status, row.ErrorCode));
        Assert.Equal([1L, 2, 3], Ids(window));
    }

    [Fact]
    public void ALateSentNeverUndoesDelivered()
    {
        var window = new TimelineWindow();
        window.Reset([Fakes.Message(1, "delivered", InteractionDirection.Out)], pageSize: 10);

        window.Upsert(Fakes.Message(1, "sent", InteractionDirection.Out));

        Assert.Equal("delivered", window.Items[0].Status);
    }

    [Fact]
    public void ARowOlderThanAPartialWindowIsLeftForLoadEarlier()
    {
        var window = new TimelineWindow();
        window.Reset(Fakes.Range(11, 20), pageSize: 10);

        Assert.False(window.Upsert(Fakes.Message(3)));
        Assert.Equal(11, window.OldestId);
    }

    [Fact]
    public void TheWindowDropsItsOldestRowsPastItsLimit()
    {
        var window = new TimelineWindow();
        window.Reset(Fakes.Range(1, TimelineWindow.MaxItems), pageSize: TimelineWindow.MaxItems + 1);

        window.Upsert(Fakes.Message(TimelineWindow.MaxItems + 1));

        Assert.Equal(TimelineWindow.MaxItems, window.Items.Count);
        Assert.Equal(2, window.OldestId);
        Assert.True(window.HasEarlier);
    }

    [Fact]
    public void TheTimelineMarksWhereAnotherConversationStarts()
    {
        Assert.True(TimelineWindow.StartsConversation(null, Fakes.Message(1)));
        Assert.False(TimelineWindow.StartsConversation(Fakes.Message(1), Fakes.Message(2)));
        Assert.True(TimelineWindow.StartsConversation(Fakes.Message(1), Fakes.Message(2, conversationId: 2)));
    }

    [Fact]
    public void ACallMovesForwardFromQueuedToInProgressAndNeverBack()
    {
        var window = new TimelineWindow();
        window.Reset([Fakes.Message(1, "queued") with { Channel = ChannelKind.Voice }], pageSize: 10);

        window.ApplyNewest([Fakes.Message(1, "in-progress") with { Channel = ChannelKind.Voice }], pageSize: 10);
        var answered = window.Items[0].Status;
        window.ApplyNewest([Fakes.Message(1, "queued") with { Channel = ChannelKind.Voice }], pageSize: 10);

        Assert.Equal(("in-progress", "in-progress"), (answered, window.Items[0].Status));
    }

    [Fact]
    public void ACallTheAgentPlacedMovesFromQueuedWithTwilioToRingingTheCustomer()
    {
        var window = new TimelineWindow();
        window.Reset([Fakes.Message(1, "queued", InteractionDirection.Out) with { Channel = ChannelKind.Voice }], pageSize: 10);

        window.ApplyNewest([Fakes.Message(1, "ringing", InteractionDirection.Out) with { Channel = ChannelKind.Voice }], pageSize: 10);

        Assert.Equal("ringing", window.Items[0].Status);
    }
}
