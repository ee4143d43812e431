using System.Text.Json.Nodes;

namespace ContactHub.StandIns.Telegram;

/// <summary>What a customer does in the Telegram app, turned into the updates Telegram would produce for the bot.</summary>
public sealed record CustomerMessage(BotCustomer Customer)
{
    public string? Text { get; init; }

    public string? Caption { get; init; }

    /// <summary>A picture: the stand-in offers it in three sizes, the largest being these bytes.</summary>
    public byte[]? Photo { get; init; }

    public (byte[] Content, string FileName, string MimeType)? Document { get; init; }

    public (byte[] Content, int DurationSeconds)? Voice { get; init; }

    public (double Latitude, double Longitude)? Location { get; init; }

    /// <summary>A shared contact; <c>Own</c> means the customer shared their own (Telegram then sets user_id to theirs).</summary>
    public (string PhoneNumber, string FirstName, string? LastName, bool Own)? Contact { get; init; }
}

/// <summary>Builds customers' messages, edits and arbitrary updates and queues them for the bot.</summary>
public sealed class CustomerActions(BotChats chats, BotUpdates updates, BotFiles files, TimeProvider time)
{
    /// <summary>Returns the new update's id and the message's id.</summary>
    public (long UpdateId, long MessageId) Send(CustomerMessage action)
    {
        var message = chats.CustomerWrote(action.Customer, id => Build(action, id));
        var updateId = updates.Add("message", message);
        return (updateId, message["message_id"]!.GetValue<long>());
    }

    /// <summary>Edits an earlier text (or caption); null when the customer never sent that message.</summary>
    public long? Edit(long chatId, long messageId, string text)
    {
        if (chats.CustomerMessage(chatId, messageId) is not { } message)
        {
            return null;
        }
        message[message.ContainsKey("text") ? "text" : "caption"] = text;
        message.Remove("entities");
        message["edit_date"] = time.GetUtcNow().ToUnixTimeSeconds();
        return updates.Add("edited_message", message);
    }

    /// <summary>Queues an update of any kind as given (a callback_query, a my_chat_member...): the stand-in assigns its update_id.</summary>
    public long Raw(string kind, JsonNode payload) => updates.Add(kind, payload.DeepClone());

    private JsonObject Build(CustomerMessage action, long messageId)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = BotChats.UserJson(action.Customer),
            ["chat"] = BotChats.ChatJson(action.Customer),
            ["date"] = time.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (action.Text is { } text)
        {
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }
        }
        if (action.Caption is { } caption)
        {
            message["caption"] = caption;
        }
        if (action.Photo is { } photo)
        {
            message["photo"] = PhotoSizes(photo);
        }
        if (action.Document is { } document)
        {
            var file = files.Add(document.Content, document.MimeType, "documents", Path.GetExtension(document.FileName));
            message["document"] = new JsonObject
            {
                ["file_name"] = document.FileName,
                ["mime_type"] = document.MimeType,
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = document.Content.Length,
            };
        }
        if (action.Voice is { } voice)
        {
            var file = files.Add(voice.Content, "audio/ogg", "voice", ".oga");
            message["voice"] = new JsonObject
            {
                ["duration"] = voice.DurationSeconds,
                ["mime_type"] = "audio/ogg",
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = voice.Content.Length,
            };
        }
        if (action.Location is { } location)
        {
            message["location"] = new JsonObject { ["latitude"] = location.Latitude, ["longitude"] = location.Longitude };
        }
        if (action.Contact is { } contact)
        {
            var shared = new JsonObject { ["phone_number"] = contact.PhoneNumber, ["first_name"] = contact.FirstName };
            if (contact.LastName is { Length: > 0 })
            {
                shared["last_name"] = contact.LastName;
            }
            if (contact.Own)
            {
                shared["user_id"] = action.Customer.Id;
            }
            message["contact"] = shared;
        }
        return message;
    }

    /// <summary>Telegram offers a picture in several sizes, smallest first; only the largest carries the customer's bytes.</summary>
    private JsonArray PhotoSizes(byte[] original)
    {
        var sizes = new JsonArray();
        foreach (var (width, height, content) in new[] { (90, 68, Thumbnail(original, 1024)), (320, 240, Thumbnail(original, 8 * 1024)), (1280, 960, original) })
        {
            var file = files.Add(content, "image/jpeg", "photos", ".jpg");
            sizes.Add(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = content.Length,
                ["width"] = width,
                ["height"] = height,
            });
        }
        return sizes;
    }

    /// <summary>A stand-in does not resize pictures: a smaller size is a shorter prefix, so a test can tell which size it got.</summary>
    private static byte[] Thumbnail(byte[] original, int maxBytes) => original.Length <= maxBytes ? original[..(original.Length / 2)] : original[..maxBytes];
}
