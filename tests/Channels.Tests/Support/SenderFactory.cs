using ContactHub.Channels.Twilio;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Support;

/// <summary>Builds the SMS sender the way the hub does: through AddTwilioChannel and configuration.</summary>
public static class SenderFactory
{
    public static (ServiceProvider Services, IChannelSender Sender) Create(
        string apiBaseUrl, string hubPublicBaseUrl, string authToken = TestAccount.AuthToken, string requestTimeout = "00:00:30", ContactHub.Core.Files.IPublicFileLinks? fileLinks = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TestAccount.AccountSid,
            ["Twilio:AuthToken"] = authToken,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl,
            ["Twilio:PhoneNumber"] = TestAccount.OurNumber,
            ["Twilio:RequestTimeout"] = requestTimeout,
            ["Hub:PublicBaseUrl"] = hubPublicBaseUrl,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration);
        services.AddOptions<HubOptions>().BindConfiguration("Hub");
        services.AddTwilioChannel(configuration);
        if (fileLinks is not null)
        {
            services.AddSingleton(fileLinks);
        }
        var provider = services.BuildServiceProvider(validateScopes: true);
        return (provider, provider.GetServices<IChannelSender>().Single(s => s.Channel == ChannelKind.Sms));
    }

    public static OutboundMessage Message(string to, string? text = "Your order #A-4521 shipped today.") =>
        new(InteractionId: 42, ConversationId: 7, ChannelKind.Sms, to, text, []);
}
