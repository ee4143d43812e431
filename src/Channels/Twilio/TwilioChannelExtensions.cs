using ContactHub.Channels.Twilio.Voice;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio;

public static class TwilioChannelExtensions
{
    /// <summary>Twilio SMS: options, the sender on a typed HttpClient, and what the webhooks need.</summary>
    /// <remarks>Options bind through the host's configuration; the parameter keeps every channel's registration the same shape.</remarks>
    public static IServiceCollection AddTwilioChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>()
            .BindConfiguration(TwilioOptions.Section)
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Twilio:ApiBaseUrl must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountSid) && !string.IsNullOrWhiteSpace(o.AuthToken), "Twilio:AccountSid and Twilio:AuthToken are required.")
            .Validate(o => PhoneNumber.IsE164(o.PhoneNumber) || !string.IsNullOrWhiteSpace(o.MessagingServiceSid), "Twilio:PhoneNumber must be E.164 unless Twilio:MessagingServiceSid is set.")
            .ValidateOnStart();
        services.AddOptions<TwilioVoiceOptions>()
            .BindConfiguration(TwilioVoiceOptions.Section)
            .Validate(o => Uri.TryCreate(o.HoldMusicUrl, UriKind.Absolute, out _), "Twilio:Voice:HoldMusicUrl must be an absolute URL Twilio can fetch.")
            .Validate(o => o.VoicemailMaxLengthSeconds is >= 5 and <= 3600, "Twilio:Voice:VoicemailMaxLengthSeconds must be between 5 and 3600.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.VoicemailPrompt), "Twilio:Voice:VoicemailPrompt is required: callers need to know they may speak.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<TwilioSmsSender>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.AddTransient<IChannelSender>(sp => sp.GetRequiredService<TwilioSmsSender>());
        services.AddHttpClient<TwilioCallsClient>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.AddSingleton<AgentDialTarget>();
        services.AddHttpClient<TwilioCallPlacer>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.AddTransient<IChannelSender>(sp => sp.GetRequiredService<TwilioCallPlacer>());
        services.AddTransient<IAssignmentFollowUp, CallConnector>();
        services.AddHttpClient<TwilioRecordingAudio>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.AddTransient<IRecordingAudioSource>(sp => sp.GetRequiredService<TwilioRecordingAudio>());
        services.AddSingleton<VoicemailOffers>();
        services.AddSingleton<TwilioWebhookGuard>();
        services.AddSingleton<SmsKeywordResponder>();
        return services;
    }
}
