using ContactHub.Core.Domain;

namespace ContactHub.StandIns.Simulator;

/// <summary>The form Twilio posts for an inbound SMS (fields as in fixtures/twilio/sms_inbound_plain.json).</summary>
public static class InboundSmsForm
{
    public static List<KeyValuePair<string, string>> Build(string accountSid, string messageSid, Customer customer, string to, string body) =>
    [
        new("ToCountry", "US"),
        new("ToState", "CA"),
        new("SmsMessageSid", messageSid),
        new("NumMedia", "0"),
        new("ToCity", "SAN FRANCISCO"),
        new("FromZip", customer.Zip),
        new("SmsSid", messageSid),
        new("FromState", customer.State),
        new("SmsStatus", "received"),
        new("FromCity", customer.City),
        new("Body", body),
        new("FromCountry", "US"),
        new("To", to),
        new("ToZip", "94105"),
        new("NumSegments", SmsSegments.Count(body).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ReferralNumMedia", "0"),
        new("MessageSid", messageSid),
        new("AccountSid", accountSid),
        new("From", customer.PhoneNumber),
        new("ApiVersion", "2010-04-01"),
    ];
}
