using ContactHub.Channels.Email;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Twilio;
using ContactHub.Channels.WhatsApp;
using ContactHub.Channels.WebChat;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels;

/// <summary>Every channel adapter in one place: a new channel is one folder plus one line in each method.</summary>
public static class ChannelsExtensions
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        // SMS and voice only when a Twilio account is configured: a hub may run on e-mail alone.
        if (configuration[$"{TwilioOptions.Section}:AccountSid"] is { Length: > 0 })
        {
            services.AddTwilioChannel(configuration);
        }
        if (configuration[$"{WhatsAppOptions.Section}:AccessToken"] is { Length: > 0 })
        {
            services.AddWhatsAppChannel(configuration);
        }
        services.AddEmailChannel(configuration);
        if (configuration[$"{TelegramOptions.Section}:BotToken"] is { Length: > 0 })
        {
            services.AddTelegramChannel(configuration);
        }
        // The web chat only when a channel key is configured for the widget's script tag.
        if (configuration[$"{WebChatOptions.Section}:ChannelKey"] is { Length: > 0 })
        {
            services.AddWebChatChannel(configuration);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<TwilioWebhookGuard>() is not null)
        {
            endpoints.MapTwilioWebhooks();
        }
        if (endpoints.ServiceProvider.GetService<WhatsAppTemplateCatalog>() is not null)
        {
            endpoints.MapWhatsAppWebhooks();
        }
        // Asked without building one: the handler's Bot API client is not needed to know the channel is configured.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(TelegramUpdateHandler)) == true)
        {
            endpoints.MapTelegramWebhook();
        }
        if (endpoints.ServiceProvider.GetService<WebChatInbox>() is not null)
        {
            endpoints.MapWebChat();
        }
        return endpoints;
    }
}
