using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.Twilio;

/// <summary>Turns Twilio's inbound SMS/MMS webhook form into the canonical <see cref="InboundInteraction"/>.</summary>
public static class TwilioSmsMapper
{
    /// <summary>Twilio's own ceiling for a (concatenated) message body.</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>Twilio sids are two letters and 32 hex digits.</summary>
    public const int MaxSidLength = 34;

    /// <summary>Twilio delivers at most ten media items per MMS.</summary>
    public const int MaxMedia = 10;

    /// <param name="form">The webhook's form fields; Twilio adds fields without notice, unknown ones are ignored.</param>
    /// <param name="receivedAt">Twilio's inbound webhook carries no timestamp, so the receipt time stands in for it.</param>
    public static TwilioSmsMapResult Map(IReadOnlyDictionary<string, string> form, DateTimeOffset receivedAt)
    {
        var messageSid = Field(form, "MessageSid");
        if (messageSid is null)
        {
            return TwilioSmsMapResult.Failure("MessageSid is required.");
        }
        if (messageSid.Length > MaxSidLength)
        {
            return TwilioSmsMapResult.Failure($"MessageSid is {messageSid.Length} characters long; a Twilio sid has at most {MaxSidLength}.");
        }
        var from = Field(form, "From");
        if (from is null)
        {
            return TwilioSmsMapResult.Failure("From is required.");
        }
        if (from.Length > InboundLimits.MaxAddressLength || !PhoneNumber.TryNormalize(from, out var sender))
        {
            return TwilioSmsMapResult.Failure($"From '{Truncate(from)}' is not a phone number.");
        }
        var body = form.GetValueOrDefault("Body") ?? "";
        if (body.Length > MaxBodyLength)
        {
            return TwilioSmsMapResult.Failure($"Body is {body.Length} characters long; Twilio allows at most {MaxBodyLength}.");
        }
        var media = MapMedia(form);
        if (media.Error is not null)
        {
            return TwilioSmsMapResult.Failure(media.Error);
        }
        return TwilioSmsMapResult.Success(new InboundInteraction(
            ChannelKind.Sms,
            sender,
            messageSid,
            body.Length == 0 ? null : body,
            media.Attachments,
            receivedAt,
            RecipientAddress: Recipient(Field(form, "To"))));
    }

    private static (IReadOnlyList<Attachment> Attachments, string? Error) MapMedia(IReadOnlyDictionary<string, string> form)
    {
        var numMediaText = Field(form, "NumMedia");
        if (numMediaText is null)
        {
            return ([], null);
        }
        if (!int.TryParse(numMediaText, NumberStyles.None, CultureInfo.InvariantCulture, out var numMedia))
        {
            return ([], $"NumMedia '{Truncate(numMediaText)}' is not a number.");
        }
        if (numMedia > MaxMedia)
        {
            return ([], $"NumMedia is {numMedia}; Twilio sends at most {MaxMedia}.");
        }
        var attachments = new List<Attachment>(numMedia);
        for (var index = 0; index < numMedia; index++)
        {
            var url = Field(form, $"MediaUrl{index}");
            // Scheme checked too: on Unix "/etc/passwd" parses as an absolute file: URI.
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                return ([], $"MediaUrl{index} is missing or not an http(s) URL although NumMedia is {numMedia}.");
            }
            attachments.Add(new Attachment(url, Field(form, $"MediaContentType{index}"), FileName: null));
        }
        return (attachments, null);
    }

    /// <summary>Our own number as Twilio gives it; normalised when it is a phone number, kept as sent otherwise (a short code).</summary>
    private static string? Recipient(string? to)
    {
        if (to is null || to.Length > InboundLimits.MaxAddressLength)
        {
            return null;
        }
        return PhoneNumber.TryNormalize(to, out var e164) ? e164 : to;
    }

    private static string? Field(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Keeps an attacker's megabyte of junk out of the error message.</summary>
    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
