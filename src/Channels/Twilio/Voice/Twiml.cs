using System.Globalization;
using System.Xml.Linq;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Builds TwiML documents. Built as XML, never by string concatenation, so a caller-influenced value (a queue name,
/// an announcement) can never inject a verb.
/// </summary>
public sealed class Twiml
{
    private readonly XElement _response = new("Response");

    public const string ContentType = "text/xml";

    public Twiml Say(string text, string language)
    {
        _response.Add(new XElement("Say", new XAttribute("language", language), text));
        return this;
    }

    public Twiml Play(string url)
    {
        _response.Add(new XElement("Play", url));
        return this;
    }

    public Twiml Enqueue(string queueName, string actionUrl, string waitUrl)
    {
        _response.Add(new XElement(
            "Enqueue",
            new XAttribute("action", actionUrl),
            new XAttribute("method", "POST"),
            new XAttribute("waitUrl", waitUrl),
            new XAttribute("waitUrlMethod", "POST"),
            queueName));
        return this;
    }

    /// <summary>Dials one agent. The agent's leg reports "answered" to <paramref name="agentLegStatusUrl"/>, the end of the dial
    /// goes to <paramref name="actionUrl"/>; answerOnBridge keeps the caller hearing the queue until the agent picks up.</summary>
    /// <param name="recordingStatusUrl">When set, the connected call is recorded (see <see cref="RecordDial"/>).</param>
    public Twiml DialAgent(bool isNumber, string address, int timeoutSeconds, string actionUrl, string agentLegStatusUrl, string? recordingStatusUrl = null)
    {
        var target = new XElement(
            isNumber ? "Number" : "Client",
            new XAttribute("statusCallbackEvent", "answered completed"),
            new XAttribute("statusCallback", agentLegStatusUrl),
            new XAttribute("statusCallbackMethod", "POST"),
            address);
        var dial = new XElement(
            "Dial",
            new XAttribute("action", actionUrl),
            new XAttribute("method", "POST"),
            new XAttribute("timeout", timeoutSeconds),
            new XAttribute("answerOnBridge", "true"),
            target);
        if (recordingStatusUrl is not null)
        {
            RecordDial(dial, recordingStatusUrl);
        }
        _response.Add(dial);
        return this;
    }

    /// <summary>Records the caller's message; Twilio posts the result to <paramref name="actionUrl"/> and the recording's lifecycle to <paramref name="recordingStatusUrl"/>.</summary>
    /// <param name="transcribeUrl">When set, Twilio transcribes the message and posts the text there.</param>
    public Twiml Record(string actionUrl, string recordingStatusUrl, int maxLengthSeconds, string? transcribeUrl)
    {
        var record = new XElement(
            "Record",
            new XAttribute("action", actionUrl),
            new XAttribute("method", "POST"),
            new XAttribute("maxLength", maxLengthSeconds.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("finishOnKey", "#"),
            new XAttribute("playBeep", "true"));
        // <Record> reports only "completed" (its documented attributes have no event list), which is all a voicemail needs.
        record.Add(new XAttribute("recordingStatusCallback", recordingStatusUrl), new XAttribute("recordingStatusCallbackMethod", "POST"));
        if (transcribeUrl is not null)
        {
            record.Add(new XAttribute("transcribe", "true"), new XAttribute("transcribeCallback", transcribeUrl));
        }
        _response.Add(record);
        return this;
    }

    /// <summary>Takes the caller out of the hold queue; Twilio then posts QueueResult=leave to the Enqueue action.</summary>
    public Twiml Leave()
    {
        _response.Add(new XElement("Leave"));
        return this;
    }

    /// <summary>
    /// Makes a &lt;Dial&gt; record the conversation, each party on its own channel, from the moment the agent answers.
    /// Twilio reports the recording (RecordingSource=DialVerb, CallSid = the caller's leg) to
    /// <paramref name="recordingStatusUrl"/>, which is <see cref="VoiceWebhookPaths.RecordingStatus"/> on the hub's public URL.
    /// </summary>
    /// <returns>The same element, for chaining.</returns>
    public static XElement RecordDial(XElement dial, string recordingStatusUrl)
    {
        if (dial.Name != "Dial")
        {
            throw new ArgumentException("Only a <Dial> can record a connected call.", nameof(dial));
        }
        dial.SetAttributeValue("record", "record-from-answer-dual");
        dial.SetAttributeValue("recordingStatusCallback", recordingStatusUrl);
        dial.SetAttributeValue("recordingStatusCallbackMethod", "POST");
        // Every event, so the timeline can say a recording is under way and that a too-short one will never come.
        dial.SetAttributeValue("recordingStatusCallbackEvent", "in-progress completed absent");
        return dial;
    }

    /// <summary>The agent's side of a click-to-call: dial the customer from our number; their leg reports to <paramref name="statusUrl"/>.</summary>
    public Twiml DialCustomer(string callerId, string customerNumber, string statusUrl)
    {
        _response.Add(new XElement(
            "Dial",
            new XAttribute("callerId", callerId),
            new XElement(
                "Number",
                new XAttribute("statusCallbackEvent", "initiated ringing answered completed"),
                new XAttribute("statusCallback", statusUrl),
                new XAttribute("statusCallbackMethod", "POST"),
                customerNumber)));
        return this;
    }

    public Twiml Hangup()
    {
        _response.Add(new XElement("Hangup"));
        return this;
    }

    public override string ToString() => new XDocument(new XDeclaration("1.0", "UTF-8", null), _response).Declaration + _response.ToString(SaveOptions.DisableFormatting);
}
