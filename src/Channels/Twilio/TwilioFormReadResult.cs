using System.Diagnostics.CodeAnalysis;

namespace ContactHub.Channels.Twilio;

/// <summary>The parsed form, or the 4xx status and plain reason to answer with.</summary>
public sealed record TwilioFormReadResult(TwilioForm? Form, int StatusCode, string? Reason)
{
    [MemberNotNullWhen(true, nameof(Form))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => Form is not null;

    public static TwilioFormReadResult Success(TwilioForm form) => new(form, 200, null);

    public static TwilioFormReadResult Failure(int statusCode, string reason) => new(null, statusCode, reason);
}
