using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.StandIns.Simulator;
using ContactHub.StandIns.Simulator.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Tests.Telegram;

public sealed class TelegramCustomerSimulatorTests
{
    [Fact]
    public void SomeDemoTelegramCustomersShareTheirNumberWithAnSmsCustomerSoTheTimelinesMerge()
    {
        var smsNumbers = Customers.Pool.Select(c => c.PhoneNumber).ToHashSet();
        var sharing = TelegramCustomers.Pool.Where(c => c.PhoneNumber is not null).ToList();

        Assert.True(sharing.Count >= 2);
        Assert.All(sharing, c => Assert.Contains(c.PhoneNumber!, smsNumbers));
    }

    [Fact]
    public async Task SimulatedCustomersStartFromADeepLinkAndShareOnlyTheirOwnNumbers()
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        using var simulator = new TelegramCustomerSimulator(
            Options.Create(new TelegramSimulatorOptions { Enabled = true, IntervalSeconds = 0.02 }), standIn.Customers, TimeProvider.System, NullLogger<TelegramCustomerSimulator>.Instance);

        await simulator.StartAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (standIn.Updates.PendingIds().Count < 60 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await simulator.StopAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        using var client = new HttpClient { Timeout = Timeouts.Await };
        var body = await client.GetFromJsonAsync<JsonElement>($"{standIn.BaseUrl}/bot{TelegramFixtures.BotToken}/getUpdates").WaitAsync(Timeouts.Await);
        var messages = body.GetProperty("result").EnumerateArray()
            .Where(u => u.TryGetProperty("message", out _))
            .Select(u => u.GetProperty("message"))
            .ToList();

        Assert.True(messages.Count >= 30, $"{messages.Count} messages");
        foreach (var firstOfCustomer in messages.GroupBy(m => m.GetProperty("chat").GetProperty("id").GetInt64()).Select(g => g.First()))
        {
            Assert.StartsWith("/start ", firstOfCustomer.GetProperty("text").GetString());
        }
        var smsNumbers = Customers.Pool.Select(c => c.PhoneNumber.TrimStart('+')).ToHashSet();
        foreach (var shared in messages.Where(m => m.TryGetProperty("contact", out _)))
        {
            var contact = shared.GetProperty("contact");
            Assert.Equal(shared.GetProperty("from").GetProperty("id").GetInt64(), contact.GetProperty("user_id").GetInt64());
            Assert.Contains(contact.GetProperty("phone_number").GetString()!.TrimStart('+'), smsNumbers);
        }
    }

    [Fact]
    public void TheDemoPictureIsARealPng()
    {
        var png = DemoFiles.Picture(200, 90, 60);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
    }
}
