using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests.WebChat;

/// <summary>The widget's other paths in Chromium: the leave-a-message form when nobody can chat, and uploads within and outside the limits.</summary>
public sealed class WebChatWidgetTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-widget-password";
    private const float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "alice", "Alice Agent", "agent", AgentPassword);
        settings["WebChat:ChannelKey"] = "e2e-widget-key";
        settings["WebChat:CompanyName"] = "Northwind Support";
        settings["WebChat:MaxUploadBytes"] = "4096";
    }

    [Fact]
    public async Task WithNobodyAvailableTheVisitorLeavesAMessageThatBecomesAnEmailConversation()
    {
        var (visitor, log) = await OpenDemoAsync();
        try
        {
            await visitor.ClickAsync("[data-testid=webchat-launcher]", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator("[data-testid=leave]")).ToContainTextAsync("Nobody is available", new() { Timeout = Timeout });
            await visitor.FillAsync("[data-testid=leave-name]", "Lena Leaver");
            await visitor.ClickAsync("[data-testid=leave-submit]");
            await Assertions.Expect(visitor.Locator("[data-testid=leave-problem]")).ToContainTextAsync("e-mail address", new() { Timeout = Timeout });
            await visitor.FillAsync("[data-testid=leave-email]", "lena@example.org");
            await visitor.FillAsync("[data-testid=leave-message]", "Please call me back about order 5521.");
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-07-leave-a-message.png") });
            await visitor.ClickAsync("[data-testid=leave-submit]");
            await Assertions.Expect(visitor.Locator("[data-testid=leave-thanks]")).ToContainTextAsync("answer by e-mail", new() { Timeout = Timeout });

            Assert.Equal(("email", "lena@example.org", "Please call me back about order 5521."), await StoredLeftMessageAsync());
        }
        catch (Exception error)
        {
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-failure-leave.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- browser console ---\n{string.Join('\n', log)}\n--- hub output ---\n{Hub.Output}");
        }
    }

    [Fact]
    public async Task AVisitorUploadsAPictureAndRefusedFilesSayWhyInTheWidget()
    {
        var (agentContext, agent) = await SignInAsync("alice", AgentPassword);
        await using var _ = agentContext;
        await GoAvailableAsync(agent);
        var (visitor, log) = await OpenDemoAsync();
        try
        {
            await visitor.ClickAsync("[data-testid=webchat-launcher]", new() { Timeout = Timeout });
            await visitor.FillAsync("[data-testid=prechat-name]", "Pia Photographer", new() { Timeout = Timeout });
            await visitor.FillAsync("[data-testid=prechat-message]", "My jacket arrived torn, see the photo.");
            await visitor.ClickAsync("[data-testid=prechat-submit]");
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeVisibleAsync(new() { Timeout = Timeout });

            var file = visitor.Locator("[data-testid=webchat-file]");
            await file.SetInputFilesAsync(new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0] });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-problem]")).ToContainTextAsync("only images (PNG, JPEG, GIF, WebP) and PDF", new() { Timeout = Timeout });
            await file.SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[8192]] });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-problem]")).ToContainTextAsync("too large", new() { Timeout = Timeout });
            // Named .png but not one: only the hub's check of the bytes catches it.
            await file.SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "<svg onload=alert(1)>"u8.ToArray() });
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-problem]")).ToContainTextAsync("does not look like the PNG", new() { Timeout = Timeout });
            await Assertions.Expect(visitor.Locator(".row.failed")).ToHaveCountAsync(1);

            byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
            await file.SetInputFilesAsync(new FilePayload { Name = "torn-sleeve.png", MimeType = "image/png", Buffer = png });
            var sent = visitor.Locator("[data-testid=webchat-message][data-from=visitor][data-id]", new() { Has = visitor.Locator("[data-testid=webchat-file-item]") });
            await Assertions.Expect(sent).ToHaveCountAsync(1, new() { Timeout = Timeout });
            await Assertions.Expect(sent.Locator(".file-name")).ToHaveTextAsync("torn-sleeve.png");
            await Assertions.Expect(visitor.Locator("[data-testid=webchat-problem]")).ToBeEmptyAsync();
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-08-upload.png") });

            await agent.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
            await agent.Locator("[data-testid=conversation-item]").First.ClickAsync(new() { Timeout = Timeout });
            await Assertions.Expect(agent.Locator("[data-testid=attachment-name]")).ToHaveTextAsync("torn-sleeve.png", new() { Timeout = Timeout });
        }
        catch (Exception error)
        {
            await visitor.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "webchat-failure-upload.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- browser console ---\n{string.Join('\n', log)}\n--- hub output ---\n{Hub.Output}");
        }
    }

    private async Task<(IPage Page, ConcurrentQueue<string> Log)> OpenDemoAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var log = new ConcurrentQueue<string>();
        page.Console += (_, message) => log.Enqueue($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => log.Enqueue($"[pageerror] {error}");
        await page.GotoAsync(Hub.BaseUrl + "/webchat/demo");
        return (page, log);
    }

    private async Task<(string Channel, string Address, string Text)> StoredLeftMessageAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Hub.StorePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.channel, ci.address, i.text FROM interactions i
            JOIN channel_identities ci ON ci.contact_id = i.contact_id
            WHERE i.direction = 'in'
            """;
        await using var reader = await command.ExecuteReaderAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(await reader.ReadAsync().WaitAsync(TimeSpan.FromSeconds(15)), "nothing was stored");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
