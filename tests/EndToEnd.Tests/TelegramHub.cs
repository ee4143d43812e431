using ContactHub.StandIns;
using ContactHub.StandIns.Telegram;
using ContactHub.StandIns.Twilio;
using Microsoft.AspNetCore.Builder;

namespace ContactHub.EndToEnd.Tests;

/// <summary>A hub process that long-polls a Telegram Bot API stand-in (no public URL), with Twilio on the same stand-in.</summary>
internal static class TelegramHub
{
    public static async Task<(WebApplication StandIn, HubProcess Hub)> StartAsync(string botToken, Action<Dictionary<string, string>>? configure = null)
    {
        var standIn = await StandInHost.StartAsync(new StandInSettings
        {
            Twilio = new TwilioStandInOptions { AccountSid = HubCluster.AccountSid, AuthToken = HubCluster.AuthToken, PhoneNumbers = [HubCluster.OurNumber] },
            Telegram = new TelegramStandInOptions { BotToken = botToken, MessagesPerSecondPerChat = 50 },
        }, CancellationToken.None);
        var settings = new HubCluster("unused", standIn.BaseUrl(), agents: 1).Settings;
        settings.Remove("Store:Provider");
        settings.Remove("ConnectionStrings:Store");
        settings["Telegram:BotToken"] = botToken;
        settings["Telegram:ApiBaseUrl"] = standIn.BaseUrl();
        settings["Telegram:PollTimeoutSeconds"] = "2";
        configure?.Invoke(settings);
        return (standIn, await HubProcess.StartAsync(settings));
    }
}
