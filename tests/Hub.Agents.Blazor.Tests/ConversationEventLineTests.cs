using System.Text.Json;
using ContactHub.Agents.Blazor.EventLog;
using ContactHub.Core.Store;

namespace ContactHub.Agents.Blazor.Tests;

public class ConversationEventLineTests
{
    private static readonly Dictionary<long, string> Names = new() { [1] = "Ana", [2] = "Ben" };

    private static ConversationEventLine Line(string kind, long? agentId, string? json) =>
        ConversationEventLine.From(
            new ConversationEvent(10, 5, kind, agentId, json is null ? null : JsonDocument.Parse(json).RootElement.Clone(), Fakes.Noon),
            id => Names.GetValueOrDefault(id) ?? $"Agent {id}");

    [Fact]
    public void AnAssignmentSaysWhoAndWhy() =>
        Assert.Equal("Assigned to Ana — longest idle of 4 candidates, rule VIP, step 0",
            Line(ConversationEventKinds.Assigned, 1, """{"basis":"longest-idle","candidatesConsidered":4,"rule":"VIP","step":0}""").Text);

    [Fact]
    public void AStickyAssignmentNamesTheCustomersLastAgent() =>
        Assert.Equal("Assigned to Ben — customer's last agent (sticky), 1 candidate, step 2",
            Line(ConversationEventKinds.Assigned, 2, """{"basis":"sticky","candidatesConsidered":1,"rule":null,"step":2}""").Text);

    [Fact]
    public void AResolutionNamesTheDispositionAndKeepsTheWrapUpNoteAsTheNote()
    {
        var line = Line(ConversationEventKinds.Resolved, 1, """{"disposition":"Callback requested","note":"Call after 5pm"}""");

        Assert.Equal("Resolved by Ana — Callback requested", line.Text);
        Assert.Equal("Call after 5pm", line.Note);
    }

    [Fact]
    public void AResolutionWithoutWrapUpSaysOnlyWho()
    {
        var line = Line(ConversationEventKinds.Resolved, 2, null);

        Assert.Equal("Resolved by Ben", line.Text);
        Assert.Null(line.Note);
    }

    [Fact]
    public void AnOptOutSaysTheWordAndHowToComeBack() =>
        Assert.Equal("Customer opted out by sending \"QUIT\": no more texts until they send START",
            Line(ConversationEventKinds.OptedOut, null, """{"keyword":"QUIT"}""").Text);

    [Fact]
    public void AnOptInSaysTheWord() =>
        Assert.Equal("Customer opted back in by sending \"UNSTOP\"", Line(ConversationEventKinds.OptedIn, null, """{"keyword":"UNSTOP"}""").Text);

    [Fact]
    public void ABounceSaysWhichAddressFailedWithTheCodeAndTheReason() =>
        Assert.Equal("Reply not delivered to dana@example.com (5.1.1): Recipient address rejected: User unknown",
            Line(ConversationEventKinds.DeliveryFailed, null, """{"interactionId":7,"recipient":"dana@example.com","code":"5.1.1","reason":"Recipient address rejected: User unknown"}""").Text);

    [Fact]
    public void ADelayNoticeWithoutDetailsStillSaysTheReplyIsDelayed() =>
        Assert.Equal("Reply delayed, the mail system keeps trying", Line(ConversationEventKinds.DeliveryDelayed, null, "{}").Text);

    [Fact]
    public void AnAssignmentWithoutDetailsStillSaysWho() =>
        Assert.Equal("Assigned to Ana", Line(ConversationEventKinds.Assigned, 1, null).Text);

    [Fact]
    public void ATransferToAnAgentCarriesTheNote()
    {
        var line = Line(ConversationEventKinds.Transferred, 1, """{"toAgentId":2,"note":"Wants a refund","offered":true}""");
        Assert.Equal("Ana transferred to Ben", line.Text);
        Assert.Equal("Wants a refund", line.Note);
    }

    [Fact]
    public void ATransferNobodyCouldTakeSaysItStayed() =>
        Assert.Equal("Ana transferred to Ben — not available, stayed with Ana",
            Line(ConversationEventKinds.Transferred, 1, """{"toAgentId":2,"note":null,"offered":false}""").Text);

    [Fact]
    public void ATransferToAQueueNamesTheQueue()
    {
        var line = Line(ConversationEventKinds.Transferred, 1, """{"queue":"billing","note":"  "}""");
        Assert.Equal("Ana transferred to queue billing", line.Text);
        Assert.Null(line.Note);
    }

    [Fact]
    public void ATakeBackNamesWhoLostTheConversation() =>
        Assert.Equal("Taken back from Ben, back to queue support",
            Line(ConversationEventKinds.Reclaimed, 2, """{"queue":"support"}""").Text);

    [Fact]
    public void UnexpectedDataDropsOnlyThePartsItCannotRead()
    {
        var line = Line(ConversationEventKinds.Assigned, 7, """{"basis":42,"candidatesConsidered":"many","rule":"VIP"}""");
        Assert.Equal("Assigned to Agent 7 — rule VIP", line.Text);
        Assert.Equal(ConversationEventKinds.Assigned, line.Kind);
    }

    [Fact]
    public void ATelegramStartPayloadIsShownToTheAgent() =>
        Assert.Equal("Customer opened the chat from a link with start payload \"order_4521\"",
            Line(ConversationEventKinds.StartPayload, null, """{"payload":"order_4521"}""").Text);

    [Fact]
    public void ACustomerWhoUnblockedTheBotIsSaidToBeReachableAgain() =>
        Assert.Equal("Customer wrote to the bot again after blocking it: replies can be sent again", Line(ConversationEventKinds.Unblocked, null, null).Text);
}
