using System.Net;
using System.Net.Http.Json;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

public sealed class ContactMergeApiTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    [Fact]
    public async Task AStaffMemberMergesTwoContactsAndTheOldIdShowsTheOneTimeline()
    {
        var first = await CustomerAsync();
        var second = await CustomerAsync();
        var api = hub.Factory.CreateApiClient();

        var response = await api.PostAsJsonAsync($"/api/contacts/{second}/merge", new { otherContactId = first }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, (await response.Content.ReadFromJsonAsync<MergeResultDto>())!.SurvivorId);
        var viaOldId = (await api.GetFromJsonAsync<ContactSummary>($"/api/contacts/{second}").WaitAsync(TestServers.Timeout))!;
        Assert.Equal(first, viaOldId.Id);
        Assert.Equal(2, viaOldId.Identities.Count);
        Assert.Equal(2, (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{second}/timeline").WaitAsync(TestServers.Timeout))!.Count);
        var again = await api.PostAsJsonAsync($"/api/contacts/{second}/merge", new { otherContactId = first }).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"otherContactId\":0}")]
    [InlineData("{\"otherContactId\":\"x\"}")]
    public async Task AMergeWithoutAValidOtherContactIsRefusedWithAReason(string json)
    {
        var contact = await CustomerAsync();
        var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await hub.Factory.CreateApiClient().PostAsync($"/api/contacts/{contact}/merge", content).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MergingWithAnUnknownContactIs404AndSuggestionsOfAnUnknownContactToo()
    {
        var contact = await CustomerAsync();
        var api = hub.Factory.CreateApiClient();

        var merge = await api.PostAsJsonAsync($"/api/contacts/{contact}/merge", new { otherContactId = 999_999 }).WaitAsync(TestServers.Timeout);
        var suggestions = await api.GetAsync("/api/contacts/999999/merge-suggestions").WaitAsync(TestServers.Timeout);
        var dismiss = await api.PostAsync("/api/merge-suggestions/999999/dismiss", null).WaitAsync(TestServers.Timeout);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [merge.StatusCode, suggestions.StatusCode, dismiss.StatusCode]);
    }

    [Fact]
    public async Task MergingNeedsAStaffToken()
    {
        var client = hub.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/contacts/1/merge", new { otherContactId = 2 }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<long> CustomerAsync()
    {
        var phone = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", phone);
        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest("/webhooks/twilio/sms")).WaitAsync(TestServers.Timeout);
        response.EnsureSuccessStatusCode();
        var api = hub.Factory.CreateApiClient();
        return (await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(phone)}").WaitAsync(TestServers.Timeout))!.Single().Id;
    }
}
