using ContactHub.Core.Outbound;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

public static class WebChatChannelExtensions
{
    /// <summary>The web chat: options, visitor tokens and limits, the visitor hub and its relay, and the sender.</summary>
    /// <remarks>Options bind through the host's configuration; the parameter keeps every channel's registration the same shape.</remarks>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.Section)
            .Validate(o => o.ChannelKey.Length is >= 8 and <= 200, "WebChat:ChannelKey must be 8 to 200 characters.")
            .Validate(o => o.AllowedOrigins.All(origin => VisitorOrigins.Origin(origin) == origin.TrimEnd('/')), "WebChat:AllowedOrigins must be origins such as https://shop.example.com (scheme, host and port only).")
            .Validate(o => o.VisitorTokenLifetime > TimeSpan.Zero, "WebChat:VisitorTokenLifetime must be positive.")
            .Validate(o => o.MaxMessageLength is > 0 and <= 10_000, "WebChat:MaxMessageLength must be between 1 and 10000.")
            .Validate(o => o.MaxUploadBytes > 0, "WebChat:MaxUploadBytes must be positive.")
            .Validate(o => o.MessagesPerMinute > 0 && o.UploadsPerHour > 0 && o.SessionsPerHour > 0 && o.RepliesPerSecond > 0, "WebChat rate limits must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignalR();
        services.AddOptions<CorsOptions>().Configure<IServiceProvider>((cors, sp) => cors.AddPolicy(WebChatApi.CorsPolicy, policy => policy
            .SetIsOriginAllowed(origin => sp.GetRequiredService<IOptions<WebChatOptions>>().Value.AllowedOrigins
                .Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            .WithHeaders("Content-Type", WebChatApi.TokenHeader)
            .WithMethods("GET", "POST")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddSingleton<VisitorTokens>();
        services.AddSingleton<VisitorRateLimits>();
        services.AddSingleton<VisitorOrigins>();
        services.AddSingleton<WebChatQueue>();
        services.AddSingleton<WebChatInbox>();
        services.AddSingleton<LeftMessages>();
        services.AddSingleton<WebChatSender>();
        services.AddTransient<IChannelSender>(sp => sp.GetRequiredService<WebChatSender>());
        services.AddHostedService<WebChatRelay>();
        return services;
    }
}
