using System.Text;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Fixtures;

namespace ContactHub.Channels.Tests.Telegram;

/// <summary>Telegram webhook fixtures: the update is the request's "json" object, the secret its header.</summary>
public static class TelegramFixtures
{
    public const string Secret = "hub-tg-Wh00k_s3cret-2026";

    public const string BotToken = "5550000001:AAFakeTokenForFixturesOnly0123456789";

    public static string UpdateJson(string name) => Fixture.Load($"telegram/{name}.json").GetProperty("request").GetProperty("json").GetRawText();

    public static TelegramUpdate Update(string name)
    {
        var (update, error) = TelegramUpdateReader.Read(Encoding.UTF8.GetBytes(UpdateJson(name)));
        Assert.Null(error);
        return update!;
    }
}
