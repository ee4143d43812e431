using System.Text.Json;

namespace ContactHub.Channels.Telegram;

/// <summary>Reads an Update's JSON and checks the ids everything else relies on, so a bad payload is a 400 with a reason.</summary>
public static class TelegramUpdateReader
{
    public static (TelegramUpdate? Update, string? Error) Read(ReadOnlySpan<byte> json)
    {
        TelegramUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize(json, TelegramJsonContext.Default.TelegramUpdate);
        }
        catch (JsonException error)
        {
            return (null, $"The body is not a Telegram Update: {Shorten(error.Message)}");
        }
        return update is null ? (null, "The body is not a Telegram Update: it is JSON null.") : (update, Check(update));
    }

    /// <summary>Why an update cannot be handled, or null. Only messages are checked: other update kinds are ignored anyway.</summary>
    public static string? Check(TelegramUpdate update)
    {
        if (update.UpdateId is null)
        {
            return "update_id is required.";
        }
        foreach (var (name, message) in new[] { ("message", update.Message), ("edited_message", update.EditedMessage) })
        {
            if (message is null)
            {
                continue;
            }
            if (message.MessageId is null)
            {
                return $"{name}.message_id is required.";
            }
            if (message.Chat?.Id is null)
            {
                return $"{name}.chat.id is required.";
            }
        }
        return null;
    }

    /// <summary>Keeps an attacker's megabyte of junk out of the answer.</summary>
    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
