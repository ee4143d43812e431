using System.Globalization;
using ContactHub.StandIns.Simulator;
using ContactHub.StandIns.Telegram;
using ContactHub.StandIns.Twilio;
using ContactHub.StandIns.WhatsApp;

namespace ContactHub.StandIns;

/// <summary>What a test passes to <see cref="StandInHost.StartAsync"/>: the same options Program.cs binds from configuration.</summary>
public sealed class StandInSettings
{
    public TwilioStandInOptions Twilio { get; init; } = new();

    public WhatsAppStandInOptions WhatsApp { get; init; } = new();

    public SimulatorOptions Simulator { get; init; } = new();

    public TelegramStandInOptions Telegram { get; init; } = new();

    /// <summary>Flattened to configuration keys, so the in-process host binds through exactly the path Program.cs uses.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        var twilio = TwilioStandInOptions.Section + ":";
        yield return new(twilio + nameof(TwilioStandInOptions.AccountSid), Twilio.AccountSid);
        yield return new(twilio + nameof(TwilioStandInOptions.AuthToken), Twilio.AuthToken);
        yield return new(twilio + nameof(TwilioStandInOptions.MessagesPerSecond), Twilio.MessagesPerSecond.ToString(CultureInfo.InvariantCulture));
        yield return new(twilio + nameof(TwilioStandInOptions.CallbackDelay), Twilio.CallbackDelay.ToString("c", CultureInfo.InvariantCulture));
        foreach (var item in List(twilio + nameof(TwilioStandInOptions.PhoneNumbers), Twilio.PhoneNumbers))
        {
            yield return item;
        }
        foreach (var item in List(twilio + nameof(TwilioStandInOptions.MessagingServiceSids), Twilio.MessagingServiceSids))
        {
            yield return item;
        }
        foreach (var item in List(twilio + nameof(TwilioStandInOptions.UndeliverableNumbers), Twilio.UndeliverableNumbers))
        {
            yield return item;
        }
        foreach (var item in WhatsAppConfiguration())
        {
            yield return item;
        }
        var telegram = TelegramStandInOptions.Section + ":";
        yield return new(telegram + nameof(TelegramStandInOptions.BotToken), Telegram.BotToken);
        yield return new(telegram + nameof(TelegramStandInOptions.MessagesPerSecondPerChat), Telegram.MessagesPerSecondPerChat.ToString(CultureInfo.InvariantCulture));
        yield return new(telegram + nameof(TelegramStandInOptions.RequireHttpsWebhook), Telegram.RequireHttpsWebhook.ToString(CultureInfo.InvariantCulture));
        yield return new(telegram + nameof(TelegramStandInOptions.WebhookRetryDelay), Telegram.WebhookRetryDelay.ToString("c", CultureInfo.InvariantCulture));
        var simulator = SimulatorOptions.Section + ":";
        yield return new(simulator + nameof(SimulatorOptions.Enabled), Simulator.Enabled.ToString(CultureInfo.InvariantCulture));
        yield return new(simulator + nameof(SimulatorOptions.HubBaseUrl), Simulator.HubBaseUrl);
        yield return new(simulator + nameof(SimulatorOptions.HubPublicBaseUrl), Simulator.HubPublicBaseUrl);
        yield return new(simulator + nameof(SimulatorOptions.IntervalSeconds), Simulator.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
        yield return new(simulator + nameof(SimulatorOptions.DuplicateRate), Simulator.DuplicateRate.ToString(CultureInfo.InvariantCulture));
    }

    private IEnumerable<KeyValuePair<string, string?>> WhatsAppConfiguration()
    {
        var whatsApp = WhatsAppStandInOptions.Section + ":";
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.AccessToken), WhatsApp.AccessToken);
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.AppSecret), WhatsApp.AppSecret);
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.PhoneNumberId), WhatsApp.PhoneNumberId);
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.DisplayPhoneNumber), WhatsApp.DisplayPhoneNumber);
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.HubWebhookUrl), WhatsApp.HubWebhookUrl);
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.PairRateLimitInterval), WhatsApp.PairRateLimitInterval.ToString("c", CultureInfo.InvariantCulture));
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.ServiceWindow), WhatsApp.ServiceWindow.ToString("c", CultureInfo.InvariantCulture));
        yield return new(whatsApp + nameof(WhatsAppStandInOptions.StatusDelay), WhatsApp.StatusDelay.ToString("c", CultureInfo.InvariantCulture));
        foreach (var item in List(whatsApp + nameof(WhatsAppStandInOptions.UndeliverableNumbers), WhatsApp.UndeliverableNumbers))
        {
            yield return item;
        }
        for (var i = 0; i < WhatsApp.Templates.Count; i++)
        {
            yield return new($"{whatsApp}Templates:{i}:Name", WhatsApp.Templates[i].Name);
            yield return new($"{whatsApp}Templates:{i}:Language", WhatsApp.Templates[i].Language);
            yield return new($"{whatsApp}Templates:{i}:Body", WhatsApp.Templates[i].Body);
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> List(string key, List<string> values) =>
        values.Select((value, index) => new KeyValuePair<string, string?>($"{key}:{index}", value));
}
