using ContactHub.Agents.Blazor.Transfer;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class TransferFormTests
{
    [Fact]
    public void NothingCanBeSubmittedWithoutATarget()
    {
        var form = new TransferForm { Note = "hello" };
        Assert.False(form.CanSubmit);
    }

    [Fact]
    public void PickingAnAgentClearsTheQueueAndTheOtherWayRound()
    {
        var form = new TransferForm { Queue = "billing" };
        form.AgentId = 3;
        Assert.Null(form.Queue);
        form.Queue = "support";
        Assert.Null(form.AgentId);
        Assert.True(form.CanSubmit);
    }

    [Fact]
    public void ANoteOverTheLimitBlocksTheTransfer()
    {
        var form = new TransferForm { AgentId = 3, Note = new string('x', TransferForm.MaxNoteLength + 1) };
        Assert.True(form.IsNoteTooLong);
        Assert.False(form.CanSubmit);
    }

    [Fact]
    public void ABlankNoteIsSentAsNoNote() => Assert.Null(new TransferForm { Note = "  \n" }.NoteOrNull);

    [Fact]
    public void TheEmptyOptionMeansNoAgent()
    {
        Assert.Null(TransferForm.ParseAgent(""));
        Assert.Equal(4, TransferForm.ParseAgent("4"));
    }

    [Fact]
    public void QueuesComeFromTheLiveListPlusTheConversationsOwn() =>
        Assert.Equal(["billing", "sales", "support"], TransferForm.Queues(["support", "billing", "support"], "sales"));

    [Fact]
    public void CandidatesExcludeTheSenderAndListFreeAgentsFirst()
    {
        var agents = new List<Agent> { new(1, "me", "Me", "agent"), new(2, "zed", "Zed", "agent"), new(3, "amy", "Amy", "agent"), new(4, "bo", "Bo", "supervisor") };
        var live = new List<AgentLive> { new(2, AgentActivity.Available, 5, null, 0), new(3, AgentActivity.Busy, 5, null, 3) };
        var candidates = TransferAgent.Candidates(agents, live, self: 1);
        Assert.Equal([2L, 3L, 4L], candidates.Select(c => c.AgentId));
        Assert.Equal("Zed — available", candidates[0].Label);
        Assert.Equal("Bo — offline", candidates[2].Label);
    }
}
