using ContactHub.Core.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactHub.Channels.Telegram;

public static class TelegramChannelExtensions
{
    /// <summary>A Telegram bot: options, the Bot API client, the sender, and the webhook or the poller that receives updates.</summary>
    /// <remarks>Options bind through the host's configuration; the parameter keeps every channel's registration the same shape.</remarks>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.Section)
            .Validate(o => o.BotToken.Contains(':') && !o.BotToken.Any(char.IsWhiteSpace), "Telegram:BotToken must look like '123456:ABC...' (as @BotFather gives it).")
            .Validate(o => o.WebhookSecret.Length == 0 || TelegramSecretToken.IsWellFormed(o.WebhookSecret), "Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Telegram:ApiBaseUrl must be an absolute URL.")
            .Validate(o => o.PollTimeoutSeconds is >= 0 and <= 50, "Telegram:PollTimeoutSeconds must be between 0 and 50.")
            .Validate(o => o.MaxUpdateBytes is >= 1024 and <= 16 * 1024 * 1024, "Telegram:MaxUpdateBytes must be between 1 KB and 16 MB.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Every Bot API URL carries the token: the factory's request logging would write it to the logs, so it is off.
        // Deadlines are per call (a long poll outlasts an ordinary request), hence no client-wide timeout.
        services.AddHttpClient<TelegramBotApi>(client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddTransient<TelegramFileFetcher>();
        services.AddTransient<TelegramUpdateHandler>();
        services.AddTransient<TelegramSender>();
        services.AddTransient<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddHostedService<TelegramPoller>();
        services.AddHostedService<TelegramWebhookRegistration>();
        return services;
    }

    /// <summary>Telegram's webhook URL. Anonymous by design: the secret header is the authentication.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TelegramWebhook.Path, TelegramWebhook.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
