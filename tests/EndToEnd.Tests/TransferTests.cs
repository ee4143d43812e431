using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>Two agents in two browsers: one hands a conversation to the other with a note, the other accepts it.</summary>
public sealed class TransferTests() : BrowserHubTest(agents: 2)
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["Seed:Users:0:DisplayName"] = "Ana Agent";
        settings["Seed:Users:1:DisplayName"] = "Ben Agent";
    }

    [Fact]
    public async Task AnAgentTransfersAConversationWithANoteAndTheReceiverAcceptsIt()
    {
        var ana = await SignInAsync(HubCluster.AgentName(0));
        await using var anaContext = ana.Context;
        await GoAvailableAsync(ana.Page);
        await SendCustomerSmsAsync("+15555559201", "I need to change my billing address");
        await ana.Page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = 15_000 });
        await ana.Page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        await Assertions.Expect(ana.Page.Locator("[data-testid=interaction][data-direction=in] .interaction-text")).ToHaveTextAsync("I need to change my billing address", new() { Timeout = 15_000 });

        var ben = await SignInAsync(HubCluster.AgentName(1));
        await using var benContext = ben.Context;
        await GoAvailableAsync(ben.Page);
        await ana.Page.ClickAsync("[data-testid=transfer]");
        var dialog = ana.Page.Locator("[data-testid=transfer-dialog]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var benOption = dialog.Locator("select[data-testid=transfer-agent] option", new() { HasTextString = "Ben Agent" });
        await ana.Page.SelectOptionAsync("select[data-testid=transfer-agent]", await benOption.GetAttributeAsync("value") ?? "");
        await ana.Page.FillAsync("[data-testid=transfer-note]", "Billing change; customer verified by SMS.");
        await ana.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "04-transfer-dialog.png") });
        await ana.Page.ClickAsync("[data-testid=transfer-submit]");

        await Assertions.Expect(ben.Page.Locator("[data-testid=offer-text]")).ToContainTextAsync("billing address", new() { Timeout = 15_000 });
        await ben.Page.ClickAsync("[data-testid=offer-accept]");
        await ben.Page.ClickAsync("[data-testid=conversation-item]", new() { Timeout = 15_000 });
        await Assertions.Expect(ben.Page.Locator("[data-testid=interaction][data-direction=in] .interaction-text")).ToHaveTextAsync("I need to change my billing address", new() { Timeout = 15_000 });
        var history = ben.Page.Locator("[data-testid=conversation-events]");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history.Locator("[data-testid=conversation-event][data-kind=transferred] [data-testid=conversation-event-note]"))
            .ToContainTextAsync("customer verified by SMS", new() { Timeout = 15_000 });
        await Assertions.Expect(ana.Page.Locator("[data-testid=conversation-item]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await ben.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "05-transferred.png") });
    }
}
