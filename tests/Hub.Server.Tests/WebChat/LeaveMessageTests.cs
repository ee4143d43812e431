using System.Net;
using System.Net.Http.Json;
using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>The leave-a-message form: an e-mail conversation from the typed address, answered through the real SMTP server.</summary>
public sealed class LeaveMessageTests() : RealMailboxHubTest(VisitorApi.Settings())
{
    [Fact]
    public async Task ALeftMessageBecomesAnEmailConversationWhoseReplyGoesOutBySmtp()
    {
        var address = $"leaver-{Id}@example.org";
        var (status, _) = await new VisitorApi(Hub.CreateClient()).LeaveMessageAsync("Lena Leaver", address, "Please call me back about order 5521.");
        Assert.Equal(HttpStatusCode.Accepted, status);

        var timeline = await WaitForTimelineAsync(address, t => t.Count == 1);
        var message = Assert.Single(timeline);
        Assert.Equal("email", message.Channel);
        Assert.Equal("Please call me back about order 5521.", message.Text);

        using var reply = await Hub.CreateApiClient().PostAsJsonAsync($"/api/conversations/{message.ConversationId}/replies", new { text = "We will call you today." }).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var sent = System.Text.Encoding.UTF8.GetString(await WaitForSentMailAsync(address));
        Assert.Contains("We will call you today.", sent);
    }

    [Fact]
    public async Task TheTypedAddressIsRecordedAsTypedInAndNeverJoinsTheVisitorsChat()
    {
        var address = $"typed-{Id}@example.org";
        var visitor = new VisitorApi(Hub.CreateClient());
        await visitor.StartTokenAsync("Tina Typist", address, "Chat first");
        await visitor.LeaveMessageAsync("Tina Typist", address, "Then a message");

        await WaitForTimelineAsync(address, t => t.Count == 1);
        var api = Hub.CreateApiClient();
        var chat = Assert.Single((await api.GetFromJsonAsync<List<ContactSummary>>("/api/contacts?q=Tina%20Typist").WaitAsync(TestServers.Timeout))!, c => c.Identities.Any(i => i.Channel == "webchat"));
        var mail = Assert.Single((await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(address)}").WaitAsync(TestServers.Timeout))!);

        Assert.NotEqual(chat.Id, mail.Id);
        Assert.DoesNotContain(chat.Identities, i => i.Channel == "email");
        var typed = Hub.Services.GetRequiredService<TypedAddresses>();
        var chatTyped = Assert.Single(await typed.ForContactAsync(chat.Id, CancellationToken.None).WaitAsync(TestServers.Timeout));
        Assert.Equal((ChannelKind.Email.IdentityNamespace(), address, "webchat-prechat"), (chatTyped.Namespace, chatTyped.Address, chatTyped.Source));
        var mailTyped = Assert.Single(await typed.ForContactAsync(mail.Id, CancellationToken.None).WaitAsync(TestServers.Timeout));
        Assert.Equal("webchat-leave-message", mailTyped.Source);
    }

    [Fact]
    public async Task AVisitorTypingAKnownCustomersAddressIsSuggestedForAMergeNeverJoined()
    {
        var address = $"known-{Id}@example.org";
        await new VisitorApi(Hub.CreateClient()).LeaveMessageAsync("Kari Known", address, "My first message, by e-mail.");
        await WaitForTimelineAsync(address, t => t.Count == 1);
        var api = Hub.CreateApiClient();
        var mailContact = Assert.Single((await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(address)}").WaitAsync(TestServers.Timeout))!).Id;

        await new VisitorApi(Hub.CreateClient()).StartTokenAsync("Kim", address, "Now on the web chat");

        var chat = Assert.Single((await api.GetFromJsonAsync<List<ContactSummary>>("/api/contacts?q=Kim").WaitAsync(TestServers.Timeout))!, c => c.Identities.Any(i => i.Channel == "webchat"));
        Assert.NotEqual(mailContact, chat.Id);
        var suggestion = Assert.Single((await api.GetFromJsonAsync<List<MergeSuggestionDto>>($"/api/contacts/{chat.Id}/merge-suggestions").WaitAsync(TestServers.Timeout))!);
        Assert.Equal((mailContact, "same-typed-email"), (suggestion.CandidateId, suggestion.Reason));
    }

    [Fact]
    public async Task ALeaveMessageFormWithoutAValidAddressIsRefused()
    {
        var (status, body) = await new VisitorApi(Hub.CreateClient()).LeaveMessageAsync("No Address", null, "Hello?");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("e-mail address", body.GetProperty("error").GetString());
    }
}
