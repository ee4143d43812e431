namespace ContactHub.Channels.Telegram;

// The Bot API's objects as far as the hub reads them (https://core.telegram.org/bots/api#available-types). Every field
// is nullable: Telegram adds fields without notice and a payload missing one must become a 400, not an exception.

/// <summary>One incoming update: at most one of its optional parts is present; the hub reads messages and their edits.</summary>
public sealed record TelegramUpdate(long? UpdateId, TelegramMessage? Message, TelegramMessage? EditedMessage);

public sealed record TelegramMessage(
    long? MessageId,
    TelegramUser? From,
    TelegramChat? Chat,
    long? Date,
    long? EditDate,
    string? Text,
    IReadOnlyList<TelegramEntity>? Entities,
    IReadOnlyList<TelegramPhotoSize>? Photo,
    TelegramDocument? Document,
    TelegramVoice? Voice,
    string? Caption,
    TelegramContact? Contact,
    TelegramLocation? Location);

public sealed record TelegramUser(long Id, bool IsBot, string? FirstName, string? LastName, string? Username);

/// <param name="Type">"private", "group", "supergroup" or "channel".</param>
public sealed record TelegramChat(long? Id, string? Type, string? FirstName, string? LastName, string? Username);

/// <param name="Offset">In UTF-16 code units, as .NET strings count.</param>
public sealed record TelegramEntity(string? Type, int Offset, int Length);

public sealed record TelegramPhotoSize(string? FileId, int Width, int Height, long? FileSize);

public sealed record TelegramDocument(string? FileId, string? FileName, string? MimeType, long? FileSize);

public sealed record TelegramVoice(string? FileId, int Duration, string? MimeType, long? FileSize);

/// <param name="UserId">Set when the shared contact is a Telegram user; equal to the sender's id when they shared their own number.</param>
public sealed record TelegramContact(string? PhoneNumber, string? FirstName, string? LastName, long? UserId);

public sealed record TelegramLocation(double Latitude, double Longitude);

/// <summary>getFile's answer: <see cref="FilePath"/> is downloadable for at least an hour.</summary>
public sealed record TelegramFile(string? FileId, long? FileSize, string? FilePath);

/// <summary>What a send method returns (the hub reads only the id of the message it created).</summary>
public sealed record TelegramSentMessage(long MessageId);

/// <summary>Every Bot API answer: <c>{"ok":true,"result":...}</c> or <c>{"ok":false,"error_code":...,"description":...,"parameters":{...}}</c>.</summary>
public sealed record TelegramResponse<T>(bool Ok, T? Result, int? ErrorCode, string? Description, TelegramResponseParameters? Parameters);

/// <param name="RetryAfter">Seconds to wait after a 429.</param>
public sealed record TelegramResponseParameters(int? RetryAfter, long? MigrateToChatId);
