using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests.WebChat;

/// <summary>
/// The web chat end to end in two browser contexts: a visitor on the demo shop page opens the widget, fills the
/// pre-chat form and chats; an agent signed into the console accepts the offer and answers. Each sees the other's
/// messages and typing live, the visitor sees "Read", the agent sees the visitor read the reply, and a reload keeps the
/// conversation.
/// </summary>
public sealed partial class WebChatTwoBrowserTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-webchat-password";
    private const float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "alice", "Alice Agent", "agent", AgentPassword);
        settings["WebChat:ChannelKey"] = "e2e-webchat-key";
        settings["WebChat:CompanyName"] = "Northwind Support";
    }

    [Fact]
    public async Task AVisitorAndAnAgentChatLiveWithTypingAndReadReceiptsAndTheVisitorKeepsTheConversationAfterAReload()
    {
        var (agentContext, agent) = await SignInAsync("alice", AgentPassword);
        await using var _ = agentContext;
        await using var visitorContext = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var visitor = await visitorContext.NewPageAsync();
        var log = new ConcurrentQueue<string>();
        visitor.Console += (_, message) => log.Enqueue($"[visitor {message.Type}] {message.Text}");
        visitor.PageError += (_, error) => log.Enqueue($"[visitor pageerror] {error}");
        agent.PageError += (_, error) => log.Enqueue($"[agent pageerror] {error}");
        try
        {
            await GoAvailableAsync(agent);

            await visitor.GotoAsync(Hub.BaseUrl + "/webchat/demo");
            await visitor.ClickAsync("[data-testid=webchat-launcher]", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-company]")).ToHaveTextAsync("Northwind Support", new() { Timeout = Timeout });
            await visitor.FillAsync("[data-testid=prechat-name]", "Grace <b>Hopper</b>");
            await visitor.FillAsync("[data-testid=prechat-email]", "grace@example.com");
            const string question = "Hi! Do the Ridge jackets run small? <img src=x onerror=alert(1)>";
            await visitor.FillAsync("[data-testid=prechat-message]", question);
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-01-prechat.png") });
            await visitor.ClickAsync("[data-testid=prechat-submit]");
            var visitorMessages = visitor.Locator("[data-testid=webchat-message][data-from=visitor] [data-testid=webchat-text]");
            await Assertions.Expect(visitorMessages.First).ToHaveTextAsync(question, new() { Timeout = Timeout });

            await agent.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
            var item = agent.Locator("[data-testid=conversation-item]").First;
            await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = Timeout });
            await item.ClickAsync();
            var inbound = agent.Locator("[data-testid=interaction][data-direction=in] .interaction-text");
            await Assertions.Expect(inbound.First).ToHaveTextAsync(question, new() { Timeout = Timeout });
            // The pre-chat e-mail is shown as typed in, and linked to nobody.
            await Assertions.Expect(agent.Locator("[data-testid=typed-address]")).ToContainTextAsync("grace@example.com");
            await Assertions.Expect(agent.Locator("[data-testid=typed-address]")).ToContainTextAsync("unverified");

            // The agent has it on screen: the visitor sees "Read" under their message.
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-receipt]")).ToContainTextAsync("Read", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-status]")).ToContainTextAsync("chatting with an agent", new() { Timeout = Timeout });

            // The agent types: the widget shows it while they do.
            const string answer = "They run true to size. I'd take your usual size!";
            await agent.Locator("[data-testid=reply-text]").PressSequentiallyAsync(answer[..20], new() { Delay = 40 });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-agent-typing]")).ToBeVisibleAsync(new() { Timeout = Timeout });
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-02-agent-typing.png") });
            await agent.Locator("[data-testid=reply-text]").PressSequentiallyAsync(answer[20..]);
            await agent.ClickAsync("[data-testid=reply-send]");

            var agentMessages = visitor.Locator("[data-testid=webchat-message][data-from=agent] [data-testid=webchat-text]");
            await Assertions.Expect(agentMessages.First).ToHaveTextAsync(answer, new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-agent-typing]")).ToBeHiddenAsync(new() { Timeout = Timeout });

            // The visitor has the panel open, so the reply is read: the console shows it.
            var outbound = agent.Locator("[data-testid=interaction][data-direction=out]");
            await Assertions.Expect(outbound.First).ToHaveAttributeAsync("data-status", "read", new() { Timeout = Timeout });

            // The visitor types: the console shows it.
            await visitor.Locator("[data-testid=webchat-input]").PressSequentiallyAsync("Perfect", new() { Delay = 40 });
            await Assertions.Expect(agent.Locator("[data-testid=customer-typing]")).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(agent.Locator("[data-testid=customer-typing]")).ToContainTextAsync("typing");
            await agent.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-03-console-customer-typing.png") });
            await visitor.Locator("[data-testid=webchat-input]").PressSequentiallyAsync(", thanks!");
            await visitor.Locator("[data-testid=webchat-input]").PressAsync("Enter");
            await Assertions.Expect(inbound).ToHaveCountAsync(2, new() { Timeout = Timeout });
            await Assertions.Expect(inbound.Nth(1)).ToHaveTextAsync("Perfect, thanks!", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-receipt]")).ToContainTextAsync("Read", new() { Timeout = Timeout });
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-04-visitor-chat.png") });
            await agent.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-05-console-chat.png") });

            // Nothing a customer typed ran as markup in either window.
            Assert.Equal(0, await visitor.Locator(".bubble img, .bubble b").CountAsync());
            Assert.Equal(0, await agent.Locator("[data-testid=timeline] .interaction-text img").CountAsync());

            // A reload keeps the conversation: the token in localStorage brings the transcript back.
            await visitor.ReloadAsync();
            await visitor.ClickAsync("[data-testid=webchat-launcher]", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-message]")).ToHaveCountAsync(3, new() { Timeout = Timeout });
            await Assertions.Expect(visitorMessages.Nth(0)).ToHaveTextAsync(question);
            await Assertions.Expect(agentMessages.Nth(0)).ToHaveTextAsync(answer);
            await Assertions.Expect(visitorMessages.Nth(1)).ToHaveTextAsync("Perfect, thanks!");
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-prechat]")).ToHaveCountAsync(0);
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-06-visitor-after-reload.png") });

            // Still live after the reload.
            const string followUp = "Glad to help. Anything else?";
            await agent.FillAsync("[data-testid=reply-text]", followUp);
            await agent.ClickAsync("[data-testid=reply-send]");
            await Assertions.Expect(agentMessages.Nth(1)).ToHaveTextAsync(followUp, new() { Timeout = Timeout });
            Assert.Matches(TimeOfDay(), await visitor.Locator("[data-testid=webchat-message] .time").First.TextContentAsync() ?? "");
        }
        catch (Exception error)
        {
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-failure-visitor.png") });
            await agent.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-failure-agent.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- browser console ---\n{string.Join('\n', log)}\n--- hub output ---\n{Hub.Output}");
        }
    }

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex TimeOfDay();
}
