using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ContactHub.EndToEnd.Tests.Conformance;

/// <summary>
/// What every channel adapter must do, whatever its provider: refuse forged or unsigned deliveries and store nothing,
/// store a redelivered message once, answer a malformed or oversized payload with a 4xx and a reason (never a 5xx), and
/// retry replies the provider's rate limit turned away until each arrives exactly once, in order. Runs against the real
/// hub process and the channel's provider stand-in.
/// </summary>
public abstract class ChannelConformance<TChannel>(TChannel channel) : IClassFixture<TChannel>
    where TChannel : ConformanceChannel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ASignedDeliveryIsStoredBeforeTheProviderIsAnswered()
    {
        var customer = channel.NewCustomer();

        using var response = await SendAsync(channel.Delivery(customer, NewMessageId(), "Where is my parcel?"));

        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var timeline = await TimelineAsync(customer);
        Assert.Equal("Where is my parcel?", Assert.Single(timeline).Text);
    }

    [Theory]
    [InlineData(Signing.Forged)]
    [InlineData(Signing.Missing)]
    public async Task ADeliveryWithoutTheProvidersSignatureIsRefusedAndNothingIsStored(Signing signing)
    {
        var customer = channel.NewCustomer();

        using var response = await SendAsync(channel.Delivery(customer, NewMessageId(), "Let me in", signing));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"answered {(int)response.StatusCode}");
        Assert.Empty(await SearchAsync(customer));
    }

    [Fact]
    public async Task ARedeliveredMessageIsAnsweredAgainButStoredOnce()
    {
        var customer = channel.NewCustomer();
        var messageId = NewMessageId();

        using var first = await SendAsync(channel.Delivery(customer, messageId, "Hello?"));
        using var again = await SendAsync(channel.Delivery(customer, messageId, "Hello?"));

        Assert.True(first.IsSuccessStatusCode, $"first delivery answered {(int)first.StatusCode}");
        Assert.True(again.IsSuccessStatusCode, $"redelivery answered {(int)again.StatusCode}");
        Assert.Single(await TimelineAsync(customer));
    }

    [Fact]
    public async Task AMalformedPayloadGetsA4xxWithAReason()
    {
        using var response = await SendAsync(channel.MalformedDelivery());

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()), "the refusal says why");
    }

    [Fact]
    public async Task AnOversizedPayloadIsRefusedWithA4xx()
    {
        var customer = channel.NewCustomer();

        using var response = await SendAsync(channel.Delivery(customer, NewMessageId(), new string('x', 2_000_000)));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(await SearchAsync(customer));
    }

    [Fact]
    public async Task RepliesTheProviderRateLimitedAreRetriedAndEachArrivesOnceInOrder()
    {
        var customer = channel.NewCustomer();
        using (var delivery = await SendAsync(channel.Delivery(customer, NewMessageId(), "Can you call me back?")))
        {
            Assert.True(delivery.IsSuccessStatusCode);
        }
        var conversationId = Assert.Single(await TimelineAsync(customer)).ConversationId;
        string[] replies = ["First, thanks for writing.", "Second, we are looking.", "Third, all sorted."];

        using var api = ApiClient();
        foreach (var reply in replies)
        {
            using var queued = await api.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = reply }).WaitAsync(Timeout);
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        }

        var sent = await WaitForAsync(() => channel.SentTextsAsync(customer), texts => texts.Count >= replies.Length);
        Assert.Equal(replies, sent);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(replies, await channel.SentTextsAsync(customer));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient { BaseAddress = new Uri(channel.Hub.BaseUrl), Timeout = Timeout };
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    private HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(channel.Hub.BaseUrl), Timeout = Timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConformanceChannel.ApiToken);
        return client;
    }

    private async Task<List<ContactFound>> SearchAsync(string customer)
    {
        using var api = ApiClient();
        return (await api.GetFromJsonAsync<List<ContactFound>>($"/api/contacts?q={Uri.EscapeDataString(channel.SearchTermFor(customer))}"))!;
    }

    private async Task<List<TimelineEntry>> TimelineAsync(string customer)
    {
        var contact = Assert.Single(await SearchAsync(customer));
        using var api = ApiClient();
        return (await api.GetFromJsonAsync<List<TimelineEntry>>($"/api/contacts/{contact.Id}/timeline"))!;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }

    private static string NewMessageId() => Guid.NewGuid().ToString("N");

    private sealed record ContactFound(long Id);

    private sealed record TimelineEntry(long Id, long ConversationId, string Direction, string? Text);
}
