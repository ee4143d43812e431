using System.Text.RegularExpressions;
using ContactHub.Core.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

public static partial class WhatsAppChannelExtensions
{
    /// <summary>WhatsApp Cloud API: options, the webhook's helpers, and the sender, each on a typed HttpClient.</summary>
    /// <remarks>Options bind through the host's configuration; the parameter keeps every channel's registration the same shape.</remarks>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhatsAppOptions>()
            .BindConfiguration(WhatsAppOptions.Section)
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "WhatsApp:ApiBaseUrl must be an absolute URL.")
            .Validate(o => ApiVersionPattern().IsMatch(o.ApiVersion), "WhatsApp:ApiVersion must look like v21.0.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccessToken) && !string.IsNullOrWhiteSpace(o.AppSecret), "WhatsApp:AccessToken and WhatsApp:AppSecret are required.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.VerifyToken), "WhatsApp:VerifyToken is required: Meta's webhook handshake echoes it.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PhoneNumberId), "WhatsApp:PhoneNumberId (the Graph id of our number) is required.")
            .Validate(o => o.Templates.All(t => !string.IsNullOrWhiteSpace(t.Name) && !string.IsNullOrWhiteSpace(t.Language) && !string.IsNullOrWhiteSpace(t.Body)), "Every WhatsApp:Templates entry needs Name, Language and Body.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<WhatsAppMediaClient>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.RequestTimeout);
        services.AddHttpClient<WhatsAppReadReceipts>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.RequestTimeout);
        services.AddHttpClient<WhatsAppSender>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.RequestTimeout);
        services.AddTransient<IChannelSender>(sp => sp.GetRequiredService<WhatsAppSender>());
        services.AddSingleton<WhatsAppTemplateCatalog>();
        services.AddSingleton<IMessageTemplates>(sp => sp.GetRequiredService<WhatsAppTemplateCatalog>());
        return services;
    }

    /// <summary>Meta's webhook URL: the GET handshake and the signed POST. Anonymous by design: the signature is the authentication.</summary>
    public static IEndpointRouteBuilder MapWhatsAppWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WhatsAppWebhook.Path, WhatsAppVerification.Handle);
        endpoints.MapPost(WhatsAppWebhook.Path, WhatsAppWebhook.HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,3}$")]
    private static partial Regex ApiVersionPattern();
}
