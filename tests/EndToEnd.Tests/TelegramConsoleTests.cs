using ContactHub.StandIns.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// A Telegram customer in a real console: the hub long-polls the Bot API stand-in (no public URL), the agent sees the
/// /start payload, a picture, an edit marked "edited", and, once the customer blocked the bot, the block on the contact,
/// live, until they write again.
/// </summary>
public sealed class TelegramConsoleTests : IAsyncLifetime
{
    private const string BotToken = "5550000004:ConsoleTestsTokenNotARealOne012345678";
    private static readonly BotCustomer Customer = new(5550188001, "Chloé", "Bernard", "chloe_e2e");
    private WebApplication standIn = null!;
    private HubProcess hub = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    private CustomerActions Customers => standIn.Services.GetRequiredService<CustomerActions>();

    public async Task InitializeAsync()
    {
        (standIn, hub) = await TelegramHub.StartAsync(BotToken);
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
    public async Task ATelegramCustomersPictureAndEditShowInTheTimelineAndABlockedBotIsMarkedOnTheContact()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(hub.BaseUrl + "/login?returnUrl=%2F");
        await page.FillAsync("#username", HubCluster.AgentName(0));
        await page.FillAsync("#password", HubCluster.Password);
        await page.ClickAsync("#login");
        await page.ClickAsync("[data-testid=presence-available]", new() { Timeout = 15_000 });

        Customers.Send(new CustomerMessage(Customer) { Text = "/start order_4521" });
        await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        var timeline = page.Locator("[data-testid=interaction][data-direction=in]");
        await Assertions.Expect(timeline.First).ToContainTextAsync("/start order_4521", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=interaction] [data-channel=telegram]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=conversation-event][data-kind=start-payload]")).ToContainTextAsync("start payload \"order_4521\"", new() { Timeout = 15_000 });

        var (_, typo) = Customers.Send(new CustomerMessage(Customer) { Text = "My parcel A-4251 is late" });
        Customers.Send(new CustomerMessage(Customer) { Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[4000]], Caption = "The crushed box" });
        var typoItem = timeline.Filter(new() { HasText = "My parcel" });
        await Assertions.Expect(typoItem).ToContainTextAsync("A-4251", new() { Timeout = 15_000 });
        await Assertions.Expect(typoItem.Locator("[data-testid=interaction-edited]")).ToHaveCountAsync(0);
        Customers.Edit(Customer.Id, typo, "My parcel A-4521 is late");
        await Assertions.Expect(typoItem).ToContainTextAsync("A-4521", new() { Timeout = 15_000 });
        await Assertions.Expect(typoItem.Locator("[data-testid=interaction-edited]")).ToHaveTextAsync("edited");
        var picture = timeline.Filter(new() { HasText = "The crushed box" }).Locator("[data-testid=attachment]");
        await Assertions.Expect(picture).ToHaveAttributeAsync("data-state", "file", new() { Timeout = 15_000 });

        standIn.Services.GetRequiredService<BotChats>().Block(Customer.Id);
        await page.FillAsync("[data-testid=reply-text]", "We are on it.");
        await page.ClickAsync("[data-testid=reply-send]");
        var reply = page.Locator("[data-testid=interaction][data-direction=out]").Filter(new() { HasText = "We are on it." });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = 15_000 });
        // Shown live, without reopening the conversation: the agent learns it while looking at the failed reply.
        await Assertions.Expect(page.Locator("[data-testid=identity-opted-out][data-channel=telegram]")).ToHaveTextAsync("blocked the bot", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=reply-opted-out]")).ToContainTextAsync("blocked the bot on Telegram");
        await Assertions.Expect(page.Locator("[data-testid=reply-send]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "telegram-console.png") });

        // Writing again unblocks the bot: the reply box opens again at once.
        Customers.Send(new CustomerMessage(Customer) { Text = "Sorry, I had blocked you by mistake" });
        await Assertions.Expect(timeline.Filter(new() { HasText = "by mistake" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=identity-opted-out]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=reply-opted-out]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=reply-text]")).ToBeEnabledAsync();
    }
}
