using System.Net.Http.Json;
using ContactHub.StandIns.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// The mission in one test: a customer who texted by SMS, wrote on Telegram and then opened the web chat is one
/// contact with one timeline. Telegram's shared own phone number merges the first two by itself; the web chat visitor
/// with the same full name is only suggested, and the agent merges them in the console with one click.
/// </summary>
public sealed class OneTimelineTests : IAsyncLifetime
{
    private const string BotToken = "5550000007:OneTimelineTestsTokenNotARealOne01234";
    private const string ChannelKey = "one-timeline-webchat-key";
    private const string Phone = "+15555550177";
    private const string ApiToken = "one-timeline-api-token-0123456789";
    private const float Timeout = 20_000;
    private static readonly BotCustomer TelegramUser = new(5550177001, "Mia", "Jensen", "mia_j");
    private WebApplication standIn = null!;
    private HubProcess hub = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        (standIn, hub) = await TelegramHub.StartAsync(BotToken, settings =>
        {
            settings["WebChat:ChannelKey"] = ChannelKey;
            settings["WebChat:CompanyName"] = "Acme Support";
            settings["Api:Tokens:0:Name"] = "one-timeline";
            settings["Api:Tokens:0:Token"] = ApiToken;
            settings["Api:Tokens:0:Role"] = "agent";
        });
        (playwright, browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await hub.DisposeAsync();
        await standIn.DisposeAsync();
    }

    [Fact]
    public async Task ACustomerWhoUsedSmsTelegramAndTheWebChatIsOneContactWithOneTimeline()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 } });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(hub.BaseUrl + "/login?returnUrl=%2F");
            await page.FillAsync("#username", HubCluster.AgentName(0));
            await page.FillAsync("#password", HubCluster.Password);
            await page.ClickAsync("#login");
            await page.ClickAsync("[data-testid=presence-available]", new() { Timeout = Timeout });

            using (var http = new HttpClient())
            {
                var sms = await SignedSms.PostAsync(http, hub.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, Phone, HubCluster.OurNumber, "Hi, did order 4417 ship?");
                Assert.True(sms.IsSuccessStatusCode);
            }
            await AcceptOfferAsync(page);

            var customers = standIn.Services.GetRequiredService<CustomerActions>();
            customers.Send(new CustomerMessage(TelegramUser) { Text = "Hello, Mia here on Telegram" });
            await AcceptOfferAsync(page);
            // Sharing their own contact is Telegram vouching for the number: the two contacts become one by themselves.
            customers.Send(new CustomerMessage(TelegramUser) { Contact = (Phone, "Mia", "Jensen", Own: true) });

            var visitorConversation = await StartWebChatAsync("Mia Jensen", "Still waiting on 4417, can you check?");
            var offer = page.Locator($"[data-testid=offer][data-conversation-id='{visitorConversation}']");
            await offer.Locator("[data-testid=offer-accept]").ClickAsync(new() { Timeout = Timeout });
            await page.ClickAsync($"[data-testid=conversation-item][data-conversation-id='{visitorConversation}']", new() { Timeout = Timeout });

            var suggestion = page.Locator("[data-testid=merge-suggestion]");
            await Assertions.Expect(suggestion).ToContainTextAsync("Mia Jensen", new() { Timeout = Timeout });
            await Assertions.Expect(suggestion).ToContainTextAsync("Same name");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "one-timeline-01-suggestion.png") });

            await suggestion.Locator("[data-testid=merge-accept]").ClickAsync();

            await Assertions.Expect(suggestion).ToHaveCountAsync(0, new() { Timeout = Timeout });
            var identities = page.Locator(".contact-header .identity-kind");
            await Assertions.Expect(identities).ToHaveCountAsync(3, new() { Timeout = Timeout });
            var timeline = page.Locator("[data-testid=timeline]");
            await Assertions.Expect(timeline.Locator("[data-testid=interaction][data-direction=in]")).ToHaveCountAsync(4, new() { Timeout = Timeout });
            await Assertions.Expect(timeline).ToContainTextAsync("did order 4417 ship?");
            await Assertions.Expect(timeline).ToContainTextAsync("Mia here on Telegram");
            await Assertions.Expect(timeline).ToContainTextAsync("Still waiting on 4417");
            foreach (var channel in new[] { "sms", "telegram", "webchat" })
            {
                await Assertions.Expect(timeline.Locator($"[data-testid=interaction] [data-channel={channel}]").First).ToBeVisibleAsync();
            }
            await Assertions.Expect(page.Locator(".contact-name")).ToHaveTextAsync("Mia Jensen");
            // The list names the customer the same way on all three conversations, no longer by their number.
            await Assertions.Expect(page.Locator("[data-testid=conversation-item]").Filter(new() { HasText = "Mia Jensen" })).ToHaveCountAsync(3, new() { Timeout = Timeout });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "one-timeline-02-merged.png") });

            using var api = ApiClient();
            Assert.Single((await api.GetFromJsonAsync<List<FoundContact>>($"/api/contacts?q={Uri.EscapeDataString("Mia Jensen")}"))!);
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "one-timeline-failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- hub output ---\n{hub.Output}");
        }
    }

    private static async Task AcceptOfferAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=offer]")).ToHaveCountAsync(0, new() { Timeout = Timeout });
    }

    /// <summary>A visitor's pre-chat form as the widget posts it; returns the conversation their first message opened.</summary>
    private async Task<long> StartWebChatAsync(string name, string message)
    {
        using var http = new HttpClient { BaseAddress = new Uri(hub.BaseUrl) };
        using var started = await http.PostAsJsonAsync("/webchat/api/sessions", new { channelKey = ChannelKey, name, email = (string?)null, message, messageId = Guid.NewGuid().ToString("N") });
        Assert.True(started.IsSuccessStatusCode, $"session answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var api = ApiClient();
            var contacts = await api.GetFromJsonAsync<List<FoundContact>>($"/api/contacts?q={Uri.EscapeDataString(name)}");
            if (contacts!.FirstOrDefault(c => c.Identities.Any(i => i.Channel == "webchat")) is { } visitor)
            {
                var timeline = await api.GetFromJsonAsync<List<TimelineItem>>($"/api/contacts/{visitor.Id}/timeline");
                return timeline!.Single(i => i.Channel == "webchat").ConversationId;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The web chat visitor's contact did not appear.");
    }

    private HttpClient ApiClient()
    {
        var api = new HttpClient { BaseAddress = new Uri(hub.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return api;
    }

    private sealed record FoundContact(long Id, string DisplayName, List<FoundIdentity> Identities);

    private sealed record FoundIdentity(string Channel, string Address);

    private sealed record TimelineItem(long Id, long ConversationId, string Channel, string? Text);
}
