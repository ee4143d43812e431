namespace ContactHub.StandIns.Twilio;

/// <summary>Twilio's Message resource as the REST API returns it (serialised snake_case, counts as strings).</summary>
public sealed record MessageResource(
    string AccountSid,
    string ApiVersion,
    string? Body,
    string DateCreated,
    string? DateSent,
    string DateUpdated,
    string Direction,
    int? ErrorCode,
    string? ErrorMessage,
    string? From,
    string? MessagingServiceSid,
    string NumMedia,
    string NumSegments,
    string? Price,
    string? PriceUnit,
    string Sid,
    string Status,
    IReadOnlyDictionary<string, string> SubresourceUris,
    string To,
    string Uri);
