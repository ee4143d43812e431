using System.Globalization;
using System.Xml.Linq;
using ContactHub.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Twilio.Calls;

/// <summary>
/// Plays Twilio's side of a phone call against the hub, step by step: the call arrives at the number's Voice URL, the
/// caller holds in the Enqueue the TwiML asked for, the agent's leg answers, the dial ends, the caller hangs up. Every
/// request follows the TwiML the hub returned (its action, waitUrl and statusCallback URLs) and is signed like
/// Twilio's, so a hub that answers wrong TwiML fails here the way it would fail on the real network.
/// </summary>
public sealed class CallNetwork(LiveCalls calls, Recordings recordings, IOptions<TwilioStandInOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "twilio-call-network";

    /// <summary>A customer dials our first number; returns the call as the hub's answer left it.</summary>
    public async Task<LiveCall> PlaceCallAsync(string voiceUrl, string from, CancellationToken cancellationToken)
    {
        var account = options.Value;
        var call = calls.Start(TwilioSids.New("CA"), from, account.PhoneNumbers[0]);
        call.LatestTwiml = await PostAsync(voiceUrl, CallFields(call, "ringing"), cancellationToken);
        return call;
    }

    /// <summary>Twilio asking the Enqueue's waitUrl what to play while the caller holds.</summary>
    public Task<string> HoldAsync(LiveCall call, int position, int queueSeconds, int averageQueueSeconds, CancellationToken cancellationToken) =>
        PostAsync(Attribute(call, "Enqueue", "waitUrl"), [.. CallFields(call, "in-progress"),
            new("QueuePosition", Text(position)), new("QueueTime", Text(queueSeconds)), new("AvgQueueTime", Text(averageQueueSeconds)),
            new("CurrentQueueSize", Text(position)), new("MaxQueueSize", "100")], cancellationToken);

    /// <summary>The caller gives up while holding: the Enqueue action hears "hangup", then the call completes.</summary>
    public async Task HangUpWhileHoldingAsync(LiveCall call, int queueSeconds, string statusCallbackUrl, CancellationToken cancellationToken)
    {
        await PostAsync(Attribute(call, "Enqueue", "action"), [.. CallFields(call, "completed"), new("QueueResult", "hangup"), new("QueueTime", Text(queueSeconds))], cancellationToken);
        await CompleteAsync(call, statusCallbackUrl, queueSeconds, cancellationToken);
    }

    /// <summary>The agent picks up the Dial the hub redirected the call to: the agent's leg reports "answered".</summary>
    public async Task<string> AnswerAgentLegAsync(LiveCall call, CancellationToken cancellationToken)
    {
        var target = DialTarget(call);
        var legSid = TwilioSids.New("CA");
        await PostAsync(target.Attribute("statusCallback")?.Value ?? throw Missing(call, "statusCallback on the Dial's target"), [
            new("CallSid", legSid), new("ParentCallSid", call.CallSid), new("AccountSid", options.Value.AccountSid),
            new("From", call.From), new("To", target.Value), new("Direction", "outbound-dial"), new("CallStatus", "in-progress"),
            new("CallbackSource", "call-progress-events"), new("SequenceNumber", "1"), new("ApiVersion", "2010-04-01")], cancellationToken);
        return legSid;
    }

    /// <summary>The dial to the agent ends (completed after talking, or no-answer/busy); the caller's call continues with the hub's answer.</summary>
    public async Task<string> EndDialAsync(LiveCall call, string dialStatus, int talkSeconds, string statusCallbackUrl, CancellationToken cancellationToken)
    {
        var dial = Element(call, "Dial");
        var next = await PostAsync(dial.Attribute("action")?.Value ?? throw Missing(call, "Dial action"), [.. CallFields(call, "in-progress"),
            new("DialCallStatus", dialStatus), new("DialCallSid", TwilioSids.New("CA")), new("DialCallDuration", Text(talkSeconds))], cancellationToken);
        call.LatestTwiml = next;
        if (XDocument.Parse(next).Root?.Element("Hangup") is not null)
        {
            await CompleteAsync(call, statusCallbackUrl, talkSeconds, cancellationToken);
        }
        return next;
    }

    /// <summary>
    /// A call the hub placed (click-to-call) reaches the customer's leg of its Dial: Twilio reports that leg's
    /// progress (ringing, in-progress, completed...) to the Number's statusCallback, as a child of the placed call.
    /// </summary>
    public async Task ReportCustomerLegAsync(LiveCall placed, string legStatus, CancellationToken cancellationToken)
    {
        var number = Element(placed, "Dial").Element("Number") ?? throw Missing(placed, "a Number in the Dial");
        await PostAsync(number.Attribute("statusCallback")?.Value ?? throw Missing(placed, "statusCallback on the Number"), [
            new("CallSid", placed.CallSid + "-leg"), new("ParentCallSid", placed.CallSid), new("AccountSid", options.Value.AccountSid),
            new("From", placed.From), new("To", number.Value), new("Direction", "outbound-dial"), new("CallStatus", legStatus),
            new("CallbackSource", "call-progress-events"), new("ApiVersion", "2010-04-01")], cancellationToken);
    }

    /// <summary>
    /// The caller leaves a message at the hub's &lt;Record&gt;: the recording reports "completed" to its
    /// recordingStatusCallback, the Record action hears the recording, and the call ends with the hub's answer.
    /// </summary>
    public async Task LeaveVoicemailAsync(LiveCall call, int seconds, string statusCallbackUrl, CancellationToken cancellationToken)
    {
        var record = Element(call, "Record");
        var recordingSid = TwilioSids.New("RE");
        var recordingUrl = $"https://api.twilio.com/2010-04-01/Accounts/{options.Value.AccountSid}/Recordings/{recordingSid}";
        await PostAsync(record.Attribute("recordingStatusCallback")?.Value ?? throw Missing(call, "Record recordingStatusCallback"), [
            new("AccountSid", options.Value.AccountSid), new("CallSid", call.CallSid), new("RecordingSid", recordingSid),
            new("RecordingUrl", recordingUrl), new("RecordingStatus", "completed"), new("RecordingDuration", Text(seconds)),
            new("RecordingChannels", "1"), new("RecordingSource", "RecordVerb")], cancellationToken);
        recordings.Add(recordingSid, seconds);
        call.LatestTwiml = await PostAsync(record.Attribute("action")?.Value ?? throw Missing(call, "Record action"), [.. CallFields(call, "in-progress"),
            new("RecordingUrl", recordingUrl), new("RecordingDuration", Text(seconds)), new("RecordingSid", recordingSid), new("Digits", "#")], cancellationToken);
        await CompleteAsync(call, statusCallbackUrl, seconds + 10, cancellationToken);
    }

    /// <summary>The caller hangs up wherever the call is (after a voicemail prompt, a closed-line message).</summary>
    public Task HangUpAsync(LiveCall call, string statusCallbackUrl, CancellationToken cancellationToken) =>
        CompleteAsync(call, statusCallbackUrl, durationSeconds: 5, cancellationToken);

    private async Task CompleteAsync(LiveCall call, string statusCallbackUrl, int durationSeconds, CancellationToken cancellationToken)
    {
        calls.Complete(call.CallSid);
        await PostAsync(statusCallbackUrl, [.. CallFields(call, "completed"), new("CallDuration", Text(durationSeconds)),
            new("CallbackSource", "call-progress-events"), new("SequenceNumber", "3")], cancellationToken);
    }

    private List<KeyValuePair<string, string>> CallFields(LiveCall call, string status) =>
    [
        new("AccountSid", options.Value.AccountSid), new("ApiVersion", "2010-04-01"), new("CallSid", call.CallSid),
        new("CallStatus", status), new("Direction", "inbound"), new("From", call.From), new("To", call.To),
        new("Caller", call.From), new("Called", call.To),
    ];

    private async Task<string> PostAsync(string url, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(options.Value.AuthToken, url, form));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Twilio would play "an application error has occurred" to the caller: make it loud.
            throw new HttpRequestException($"{url} answered {(int)response.StatusCode}: {body}");
        }
        return body;
    }

    private static XElement Element(LiveCall call, string verb) =>
        (call.LatestTwiml is { } twiml ? XDocument.Parse(twiml).Root?.Element(verb) : null) ?? throw Missing(call, $"<{verb}>");

    private static string Attribute(LiveCall call, string verb, string attribute) =>
        Element(call, verb).Attribute(attribute)?.Value ?? throw Missing(call, $"{verb} {attribute}");

    private static XElement DialTarget(LiveCall call) =>
        Element(call, "Dial").Elements().FirstOrDefault(e => e.Name.LocalName is "Client" or "Number") ?? throw Missing(call, "a Client or Number in the Dial");

    private static InvalidOperationException Missing(LiveCall call, string what) =>
        new($"Call {call.CallSid}: the hub's TwiML has no {what}: {call.LatestTwiml}");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
