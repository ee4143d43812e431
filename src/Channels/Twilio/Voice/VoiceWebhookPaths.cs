namespace ContactHub.Channels.Twilio.Voice;

/// <summary>The voice URLs Twilio calls. The number's Voice URL is <see cref="Incoming"/>; the others the hub hands out in TwiML.</summary>
public static class VoiceWebhookPaths
{
    public const string Incoming = "/webhooks/twilio/voice";
    public const string Wait = "/webhooks/twilio/voice/wait";
    public const string EnqueueAction = "/webhooks/twilio/voice/enqueue-action";
    public const string Status = "/webhooks/twilio/voice/status";
    public const string DialAction = "/webhooks/twilio/voice/dial-action";
    public const string AgentLegStatus = "/webhooks/twilio/voice/agent-leg";
    public const string OutboundStatus = "/webhooks/twilio/voice/outbound-status";
    public const string RecordAction = "/webhooks/twilio/voice/record-action";
    public const string RecordingStatus = "/webhooks/twilio/voice/recording-status";
    public const string Transcription = "/webhooks/twilio/voice/transcription";
}
