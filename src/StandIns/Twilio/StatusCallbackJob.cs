namespace ContactHub.StandIns.Twilio;

/// <summary>One accepted message whose delivery story the stand-in still has to tell its StatusCallback.</summary>
public sealed record StatusCallbackJob(string MessageSid, string CallbackUrl, string From, string To, string? MessagingServiceSid, bool Undeliverable);
