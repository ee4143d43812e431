using System.Globalization;
using System.Text.Json;
using ContactHub.Agents.Blazor.EventLog;
using ContactHub.Core.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// A whole phone call in a real browser against the hub process, with the Twilio stand-in playing the network: the
/// customer who texted earlier calls, the offer pops with that text, the agent accepts, the call is put through to
/// the agent's browser phone, shows in progress, and the hang-up shows how long they talked.
/// </summary>
public sealed class PhoneCallTests() : BrowserHubTest(agents: 0)
{
    private const string AgentPassword = "agent-e2e-password";
    private static readonly float Timeout = 15_000;

    protected override void Configure(Dictionary<string, string> settings)
    {
        SeedUser(settings, 0, "alice", "Alice Agent", "agent", AgentPassword);
    }

    [Fact]
    public async Task ACallFromACustomerWhoTextedPopsTheirHistoryConnectsToTheAgentAndEndsWithItsTalkTime()
    {
        var (context, page) = await SignInAsync("alice", AgentPassword);
        await using var _ = context;
        try
        {
            await GoAvailableAsync(page);
            const string customer = "+15555550177";
            await SendCustomerSmsAsync(customer, "My router keeps dropping the connection every evening");
            await page.ClickAsync("[data-testid=offer-accept]", new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=offer]")).ToBeHiddenAsync(new() { Timeout = Timeout });

            var call = await Twilio.Calls.PlaceCallAsync(Hub.BaseUrl + "/webhooks/twilio/voice", customer, CancellationToken.None);
            Assert.Contains("<Enqueue", call.LatestTwiml);

            var offer = page.Locator("[data-testid=offer]");
            await Assertions.Expect(offer.Locator("[data-testid=offer-text]")).ToHaveTextAsync("Incoming call", new() { Timeout = Timeout });
            await Assertions.Expect(offer.Locator("[data-testid=screen-pop-item][data-channel=sms]")).ToContainTextAsync("router keeps dropping");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "10-call-screen-pop.png") });

            await page.ClickAsync("[data-testid=offer-accept]");
            await WaitForAsync(() => call.LatestTwiml?.Contains("<Dial") == true, "the call was never redirected to the agent");
            Assert.Contains(">agent-", call.LatestTwiml);

            var voiceItem = page.Locator("[data-testid=conversation-item]").Filter(new() { Has = page.Locator(".ch-voice") });
            await voiceItem.First.ClickAsync(new() { Timeout = Timeout });
            var summary = page.Locator("[data-testid=call-summary]");
            await Assertions.Expect(summary).ToContainTextAsync("waiting", new() { Timeout = Timeout });

            await Twilio.Calls.AnswerAgentLegAsync(call, CancellationToken.None);
            await Assertions.Expect(summary).ToHaveAttributeAsync("data-call-status", "in-progress", new() { Timeout = Timeout });
            await Assertions.Expect(summary).ToContainTextAsync("Call in progress");

            await Twilio.Calls.EndDialAsync(call, "completed", talkSeconds: 42, Hub.BaseUrl + "/webhooks/twilio/voice/status", CancellationToken.None);
            await Assertions.Expect(summary).ToHaveAttributeAsync("data-call-status", "completed", new() { Timeout = Timeout });
            await Assertions.Expect(summary).ToContainTextAsync("talked 42s");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "11-call-ended.png") });

            var callId = long.Parse(await page.Locator("[data-testid=conversation-item].selected").GetAttributeAsync("data-conversation-id") ?? "0", CultureInfo.InvariantCulture);
            await page.ClickAsync("[data-testid=resolve]");
            var wrapUp = page.Locator("[data-testid=wrapup]");
            await Assertions.Expect(wrapUp).ToBeVisibleAsync(new() { Timeout = Timeout });
            // A call cannot be resolved without a disposition; Esc closes the form and leaves the call open.
            await Assertions.Expect(wrapUp.Locator("[data-testid=wrapup-submit]")).ToBeDisabledAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(wrapUp).ToBeHiddenAsync(new() { Timeout = Timeout });
            await Assertions.Expect(voiceItem).ToHaveCountAsync(1);

            await page.ClickAsync("[data-testid=resolve]");
            await page.SelectOptionAsync("select[data-testid=wrapup-disposition]", "Callback requested");
            await page.FillAsync("[data-testid=wrapup-note]", "Router replaced; call back Friday to check the evening drops.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "12-call-wrap-up.png") });
            await page.Keyboard.PressAsync("Control+Enter");
            await Assertions.Expect(voiceItem).ToHaveCountAsync(0, new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-testid=conversation-item]")).ToHaveCountAsync(1);

            // The console moves on to the next conversation, so the resolved call's history line is read from the store.
            var resolved = Assert.Single(await ResolvedEventsAsync(callId));
            var line = ConversationEventLine.From(resolved, _ => "Alice Agent");
            Assert.Equal("Resolved by Alice Agent — Callback requested", line.Text);
            Assert.Equal("Router replaced; call back Friday to check the evening drops.", line.Note);
        }
        catch (Exception error)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "call-failure.png") });
            throw new Xunit.Sdk.XunitException($"{error.Message}\n--- hub output ---\n{Hub.Output}");
        }
    }

    private async Task<IReadOnlyList<ConversationEvent>> ResolvedEventsAsync(long conversationId)
    {
        await using var connection = new SqliteConnection($"Data Source={Hub.StorePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync().WaitAsync(TimeSpan.FromSeconds(15));
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, agent_id, data_json, created_at FROM conversation_events WHERE conversation_id = $id AND kind = 'resolved'";
        command.Parameters.AddWithValue("$id", conversationId);
        var events = new List<ConversationEvent>();
        await using var reader = await command.ExecuteReaderAsync().WaitAsync(TimeSpan.FromSeconds(15));
        while (await reader.ReadAsync().WaitAsync(TimeSpan.FromSeconds(15)))
        {
            var data = reader.IsDBNull(2) ? (JsonElement?)null : JsonDocument.Parse(reader.GetString(2)).RootElement.Clone();
            events.Add(new ConversationEvent(reader.GetInt64(0), conversationId, ConversationEventKinds.Resolved,
                reader.IsDBNull(1) ? null : reader.GetInt64(1), data, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }
        return events;
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
