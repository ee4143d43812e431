using System.Text;
using System.Text.Json.Nodes;
using ContactHub.Channels.WhatsApp;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio;
using ContactHub.StandIns.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// WhatsApp's 24-hour window in a real browser: a customer who last wrote 26 hours ago gets a reply box that says why
/// free text is not possible and offers only the approved templates; the filled template reaches the Graph stand-in.
/// </summary>
public sealed class WhatsAppTemplateReplyTests() : BrowserHubTest(agents: 0), IDisposable
{
    private const string AgentPassword = "agent-wa-password";
    private const string AccessToken = "browser-whatsapp-token";
    private const string AppSecret = "browser-whatsapp-app-secret";
    private const string PhoneNumberId = "100200300400500";
    private static readonly float Timeout = 15_000;
    private WebApplication? graph;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "wendy", "Wendy Agent", "agent", AgentPassword);
        // Started here because the hub's settings must name its address; off the test's context so nothing waits on it.
        graph = Task.Run(() => StandInHost.StartAsync(new StandInSettings
        {
            Twilio = new TwilioStandInOptions { AccountSid = HubCluster.AccountSid, AuthToken = HubCluster.AuthToken, PhoneNumbers = [HubCluster.OurNumber] },
            WhatsApp = new WhatsAppStandInOptions
            {
                AccessToken = AccessToken,
                AppSecret = AppSecret,
                PhoneNumberId = PhoneNumberId,
                Templates = [new WhatsAppTemplate { Name = "ticket_update", Language = "en_US", Body = "Your ticket {{1}} has news: {{2}}. Reply to continue." }],
            },
        }, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        settings["WhatsApp:AccessToken"] = AccessToken;
        settings["WhatsApp:AppSecret"] = AppSecret;
        settings["WhatsApp:VerifyToken"] = "browser-verify-token";
        settings["WhatsApp:PhoneNumberId"] = PhoneNumberId;
        settings["WhatsApp:ApiBaseUrl"] = graph.BaseUrl();
        settings["WhatsApp:MarkInboundRead"] = "false";
        settings["WhatsApp:Templates:0:Name"] = "ticket_update";
        settings["WhatsApp:Templates:0:Language"] = "en_US";
        settings["WhatsApp:Templates:0:Body"] = "Your ticket {{1}} has news: {{2}}. Reply to continue.";
    }

    [Fact]
    public async Task OutsideTheWindowTheReplyBoxSaysWhyAndSendsOnlyAnApprovedTemplate()
    {
        var (context, page) = await SignInAsync("wendy", AgentPassword);
        await using var _ = context;
        try
        {
            await GoAvailableAsync(page);
            await CustomerWroteAsync("15555550177", "Is my blender still under warranty?", DateTimeOffset.UtcNow.AddHours(-26).AddMinutes(-5));

            await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
            await page.Locator("[data-testid=conversation-item]").First.ClickAsync(new() { Timeout = Timeout });

            await Assertions.Expect(page.Locator("[data-testid=reply-window-closed]"))
                .ToHaveTextAsync("The customer last wrote 26 h ago; WhatsApp allows only approved templates outside 24 h.", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=reply-text]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=template-send]")).ToBeDisabledAsync();
            var values = page.Locator("[data-testid=template-param]");
            await Assertions.Expect(values).ToHaveCountAsync(2);
            await values.Nth(0).FillAsync("#1042");
            await values.Nth(1).FillAsync("<b>it ships today</b>");
            await Assertions.Expect(page.Locator("[data-testid=template-preview]"))
                .ToHaveTextAsync("Your ticket #1042 has news: <b>it ships today</b>. Reply to continue.", new() { Timeout = Timeout });
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "whatsapp-template-reply.png") });
            await page.ClickAsync("[data-testid=template-send]");

            var outbound = page.Locator("[data-testid=interaction][data-direction=out] .interaction-text");
            await Assertions.Expect(outbound).ToHaveTextAsync("Your ticket #1042 has news: <b>it ships today</b>. Reply to continue.", new() { Timeout = Timeout });
            var sent = await SentTemplateAsync("15555550177");
            Assert.Equal(("ticket_update", "en_US"), (sent.Template, sent.Language));
            Assert.Equal(["#1042", "<b>it ships today</b>"], sent.Parameters);
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "whatsapp-failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- hub output ---\n{Hub.Output}");
        }
    }

    public void Dispose() => graph?.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    private async Task CustomerWroteAsync(string waId, string text, DateTimeOffset at)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "1",
                    ["changes"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["field"] = "messages",
                            ["value"] = new JsonObject
                            {
                                ["messaging_product"] = "whatsapp",
                                ["metadata"] = new JsonObject { ["display_phone_number"] = "15555550100", ["phone_number_id"] = PhoneNumberId },
                                ["contacts"] = new JsonArray { new JsonObject { ["profile"] = new JsonObject { ["name"] = "Lee Chen" }, ["wa_id"] = waId } },
                                ["messages"] = new JsonArray
                                {
                                    new JsonObject { ["from"] = waId, ["id"] = "wamid." + Guid.NewGuid().ToString("N"), ["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } },
                                },
                            },
                        },
                    },
                },
            },
        }.ToJsonString());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Hub.BaseUrl + WhatsAppWebhook.Path) { Content = new ByteArrayContent(body) };
        request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(AppSecret, body));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}");
    }

    private async Task<SentWhatsApp> SentTemplateAsync(string waId)
    {
        var ledger = graph!.Services.GetRequiredService<SentLedger>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (ledger.Snapshot().FirstOrDefault(m => m.To == waId && m.Type == "template") is { } sent)
            {
                return sent;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The Graph stand-in never received the template.");
    }
}
