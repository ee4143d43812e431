using System.Xml.Linq;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Twilio;
using ContactHub.Channels.Twilio.Voice;
using ContactHub.Core;

namespace ContactHub.Channels.Tests.Twilio.Voice;

/// <summary>The voicemail and recording TwiML against Twilio's documented shapes (../shared/fixtures/twilio/twiml_examples.json).</summary>
public sealed class VoicemailTwimlTests
{
    private static readonly HubOptions Hub = new() { PublicBaseUrl = "https://hub.example.test" };

    private static XElement Example(string name) => XDocument.Parse(Fixture.Load("twilio/twiml_examples.json").GetProperty(name).GetString()!).Root!;

    [Fact]
    public void TheVoicemailRecordsWithTheAttributesOfTwiliosExampleAndSaysGoodbyeWhenNothingWasRecorded()
    {
        var example = Example("voicemail_record");

        var twiml = XDocument.Parse(VoicemailTwiml.Offer("We are closed.", new TwilioVoiceOptions(), Hub).ToString()).Root!;

        Assert.Equal(["Say", "Say", "Record", "Say", "Hangup"], twiml.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(example.Elements().Select(e => e.Name.LocalName), twiml.Elements().Skip(1).Select(e => e.Name.LocalName));
        var record = twiml.Element("Record")!;
        foreach (var attribute in example.Element("Record")!.Attributes().Where(a => a.Name.LocalName is not ("action" or "recordingStatusCallback")))
        {
            Assert.Equal(attribute.Value, record.Attribute(attribute.Name)?.Value);
        }
        Assert.Equal("https://hub.example.test/webhooks/twilio/voice/record-action", record.Attribute("action")?.Value);
        Assert.Equal("https://hub.example.test/webhooks/twilio/voice/recording-status", record.Attribute("recordingStatusCallback")?.Value);
        Assert.Null(record.Attribute("transcribe"));
        Assert.Equal("We are closed.", twiml.Elements("Say").First().Value);
    }

    [Fact]
    public void TranscriptionIsRequestedOnlyWhenConfiguredAndComesBackToTheHub()
    {
        var options = new TwilioVoiceOptions { TranscribeVoicemail = true, VoicemailMaxLengthSeconds = 90 };

        var record = XDocument.Parse(VoicemailTwiml.Offer("", options, Hub).ToString()).Root!.Element("Record")!;

        Assert.Equal(("true", "https://hub.example.test/webhooks/twilio/voice/transcription", "90"), (record.Attribute("transcribe")?.Value, record.Attribute("transcribeCallback")?.Value, record.Attribute("maxLength")?.Value));
    }

    [Fact]
    public void AnEmptyReasonIsNotSpoken()
    {
        var twiml = XDocument.Parse(VoicemailTwiml.Offer(" ", new TwilioVoiceOptions(), Hub).ToString()).Root!;

        Assert.Equal(new TwilioVoiceOptions().VoicemailPrompt, twiml.Elements("Say").First().Value);
    }

    [Fact]
    public void ADialRecordsFromAnswerOnTwoChannelsWithItsStatusCallbackLikeTwiliosExample()
    {
        var example = Example("dial_client").Element("Dial")!;
        var dial = new XElement("Dial", new XAttribute("timeout", "20"), new XElement("Client", "agent_jdoe"));

        var recorded = Twiml.RecordDial(dial, "https://hub.example.test/webhooks/twilio/voice/recording-status");

        Assert.Same(dial, recorded);
        Assert.Equal(example.Attribute("record")!.Value, dial.Attribute("record")?.Value);
        Assert.Equal("https://hub.example.test/webhooks/twilio/voice/recording-status", dial.Attribute("recordingStatusCallback")?.Value);
        Assert.Equal("in-progress completed absent", dial.Attribute("recordingStatusCallbackEvent")?.Value);
        Assert.Equal("agent_jdoe", dial.Element("Client")?.Value);
    }

    [Fact]
    public void OnlyADialCanRecordAConnectedCall()
    {
        Assert.Throws<ArgumentException>(() => Twiml.RecordDial(new XElement("Enqueue"), "https://hub.example.test/x"));
    }

    [Fact]
    public void LeaveIsTheWholeAnswerOfTwiliosExample()
    {
        Assert.Equal(Example("leave_queue").ToString(), XDocument.Parse(new Twiml().Leave().ToString()).Root!.ToString());
    }

    [Theory]
    [InlineData(59, 60, false)]
    [InlineData(60, 60, true)]
    [InlineData(900, 60, true)]
    [InlineData(86400, 0, false)]
    public void ACallerLeavesTheQueueOnceTheyHaveWaitedTheQueuesMaximum(int waited, int maximum, bool leaves)
    {
        Assert.Equal(leaves, WaitWebhook.MustLeave(waited, maximum));
    }

    [Fact]
    public void RecordingAudioComesFromTheConfiguredApiAsMp3NeverFromACallbackUrl()
    {
        var twilio = new TwilioOptions { ApiBaseUrl = "http://127.0.0.1:5081/", AccountSid = "AC4b219540d7d71f9e16256482c97d59b0" };

        Assert.Equal(
            "http://127.0.0.1:5081/2010-04-01/Accounts/AC4b219540d7d71f9e16256482c97d59b0/Recordings/RE445da6543eda23fad4152b4a2ccd53b8.mp3",
            TwilioRecordingAudio.AudioUrl(twilio, "RE445da6543eda23fad4152b4a2ccd53b8"));
    }
}
