using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>POST /api/conversations/{id}/resolve takes the agent's wrap-up (disposition and note) and checks it as the console does.</summary>
public sealed class ResolveApiTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private T Service<T>() where T : notnull => hub.Factory.Services.GetRequiredService<T>();

    /// <summary>A fresh conversation on <paramref name="channel"/> held by alice, and alice's signed-in client.</summary>
    private async Task<(HttpClient Client, long ConversationId)> AliceHoldsAsync(ChannelKind channel)
    {
        var client = await hub.Factory.SignedInClientAsync("alice", HubFactory.AgentPassword);
        var me = await client.GetFromJsonAsync<MeDto>("/api/me", ApiJson.Options).WaitAsync(TestServers.Timeout);
        var providerId = channel == ChannelKind.Voice ? Sids.Call() : Sids.Message();
        var appended = await Service<IConversationStream>()
            .AppendAsync(new InboundInteraction(channel, Sids.Phone(), providerId, "hello", [], DateTimeOffset.UtcNow), CancellationToken.None)
            .WaitAsync(TestServers.Timeout);
        Assert.True(await Service<ConversationRepository>().AssignAsync(appended.ConversationId, me!.Id, CancellationToken.None).WaitAsync(TestServers.Timeout));
        return (client, appended.ConversationId);
    }

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, long conversationId, object? body) =>
        (body is null
            ? client.PostAsync($"/api/conversations/{conversationId}/resolve", null)
            : client.PostAsJsonAsync($"/api/conversations/{conversationId}/resolve", body)).WaitAsync(TestServers.Timeout);

    private async Task<ConversationEvent?> ResolvedEventAsync(long conversationId) =>
        (await Service<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout))
        .SingleOrDefault(e => e.Kind == ConversationEventKinds.Resolved);

    [Fact]
    public async Task AnUnknownDispositionIs400WithTheKnownCodesAndTheConversationStaysOpen()
    {
        var (client, conversationId) = await AliceHoldsAsync(ChannelKind.Sms);

        var response = await ResolveAsync(client, conversationId, new { disposition = "Made up", note = "n" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown disposition; use one of: Resolved, Follow-up needed", await response.Content.ReadAsStringAsync());
        Assert.Null(await ResolvedEventAsync(conversationId));
        var conversation = await Service<ConversationRepository>().GetAsync(conversationId, CancellationToken.None);
        Assert.NotEqual(ConversationState.Resolved, conversation!.State);
    }

    [Fact]
    public async Task ANoteOver2000CharactersIs400()
    {
        var (client, conversationId) = await AliceHoldsAsync(ChannelKind.Sms);

        var response = await ResolveAsync(client, conversationId, new { disposition = "Complaint", note = new string('x', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 2000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AKnownDispositionAndNoteAreStoredOnTheResolvedEventSpeltAsConfigured()
    {
        var (client, conversationId) = await AliceHoldsAsync(ChannelKind.Sms);

        var response = await ResolveAsync(client, conversationId, new { disposition = "callback REQUESTED", note = "  Call back after 5pm  " });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var data = (await ResolvedEventAsync(conversationId))!.Data!.Value;
        Assert.Equal("Callback requested", data.GetProperty("disposition").GetString());
        Assert.Equal("Call back after 5pm", data.GetProperty("note").GetString());
    }

    [Fact]
    public async Task AWrittenConversationResolvesWithoutABodyButACallNeedsADisposition()
    {
        var (smsClient, sms) = await AliceHoldsAsync(ChannelKind.Sms);
        var (callClient, call) = await AliceHoldsAsync(ChannelKind.Voice);

        var smsResponse = await ResolveAsync(smsClient, sms, null);
        var callResponse = await ResolveAsync(callClient, call, null);
        var callWithCode = await ResolveAsync(callClient, call, new { disposition = "Wrong number" });

        Assert.Equal(HttpStatusCode.NoContent, smsResponse.StatusCode);
        Assert.Null((await ResolvedEventAsync(sms))!.Data);
        Assert.Equal(HttpStatusCode.BadRequest, callResponse.StatusCode);
        Assert.Equal("\"A call needs a disposition.\"", await callResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, callWithCode.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ResolvedEventAsync(call))!.Data!.Value.GetProperty("note").ValueKind);
    }
}
