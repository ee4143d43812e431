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
    public Twiml DialAgent(bool isNumber, string address, int timeoutSeconds, string actionUrl, string agentLegStatusUrl)
    {
        var target = new XElement(
            isNumber ? "Number" : "Client",
            new XAttribute("statusCallbackEvent", "answered completed"),
            new XAttribute("statusCallback", agentLegStatusUrl),
            new XAttribute("statusCallbackMethod", "POST"),
            address);
        _response.Add(new XElement(
            "Dial",
            new XAttribute("action", actionUrl),
            new XAttribute("method", "POST"),
            new XAttribute("timeout", timeoutSeconds),
            new XAttribute("answerOnBridge", "true"),
            target));
        return this;
    }

    public Twiml Hangup()
    {
        _response.Add(new XElement("Hangup"));
        return this;
    }

    public override string ToString() => new XDocument(new XDeclaration("1.0", "UTF-8", null), _response).Declaration + _response.ToString(SaveOptions.DisableFormatting);
}
