using System.Globalization;
using ContactHub.StandIns.Simulator;
using ContactHub.StandIns.Telegram;
using ContactHub.StandIns.Twilio;

namespace ContactHub.StandIns;

/// <summary>What a test passes to <see cref="StandInHost.StartAsync"/>: the same options Program.cs binds from configuration.</summary>
public sealed class StandInSettings
{
    public TwilioStandInOptions Twilio { get; init; } = new();

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

    private static IEnumerable<KeyValuePair<string, string?>> List(string key, List<string> values) =>
        values.Select((value, index) => new KeyValuePair<string, string?>($"{key}:{index}", value));
}
