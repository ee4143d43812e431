using Microsoft.AspNetCore.Http;
using System.Globalization;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>A voice webhook's form, proven to come from Twilio, and the call it is about.</summary>
public sealed record VerifiedCall(TwilioForm Form, string CallSid);

/// <summary>Reads the fields every voice webhook shares, with a reason for each one that is missing or malformed.</summary>
public static class VoiceForm
{
    /// <summary>What every voice webhook does first: the signed form and a well-formed CallSid, or the 4xx to answer.</summary>
    public static async Task<(VerifiedCall? Call, IResult? Rejection)> ReadVerifiedCallAsync(this TwilioWebhookGuard guard, HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return (null, rejection);
        }
        var (callSid, error) = CallSid(form);
        return callSid is null
            ? (null, guard.Reject(request, StatusCodes.Status400BadRequest, error!))
            : (new VerifiedCall(form, callSid), null);
    }

    public static (string? CallSid, string? Error) CallSid(TwilioForm form)
    {
        var sid = form.Fields.GetValueOrDefault("CallSid");
        if (string.IsNullOrWhiteSpace(sid))
        {
            return (null, "CallSid is required.");
        }
        return sid.Length > TwilioSmsMapper.MaxSidLength || !sid.StartsWith("CA", StringComparison.Ordinal)
            ? (null, $"CallSid must be a Twilio call sid (CA followed by 32 characters).")
            : (sid, null);
    }

    /// <summary>A Twilio sid of the given kind (RE for recordings, TR for transcriptions...), with a reason when it is not one.</summary>
    public static (string? Sid, string? Error) Sid(TwilioForm form, string name, string prefix)
    {
        var sid = form.Fields.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(sid))
        {
            return (null, $"{name} is required.");
        }
        return sid.Length > TwilioSmsMapper.MaxSidLength || !sid.StartsWith(prefix, StringComparison.Ordinal) || !sid.All(char.IsAsciiLetterOrDigit)
            ? (null, $"{name} must be a Twilio sid ({prefix} followed by 32 characters).")
            : (sid, null);
    }

    /// <summary>An optional short field (a source, a status), or null when absent or longer than any value Twilio sends.</summary>
    public static string? Short(TwilioForm form, string name) =>
        form.Fields.GetValueOrDefault(name) is { Length: > 0 and <= 64 } value ? value : null;

    /// <summary>A whole number of seconds (QueueTime, CallDuration...); null when absent or not a number.</summary>
    public static int? Seconds(TwilioForm form, string name) =>
        int.TryParse(form.Fields.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 86_400 * 7
            ? value
            : null;
}
