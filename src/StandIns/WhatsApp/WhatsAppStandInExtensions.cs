using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactHub.StandIns.WhatsApp;

public static class WhatsAppStandInExtensions
{
    public static IServiceCollection AddWhatsAppStandIn(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppStandInOptions>()
            .BindConfiguration(WhatsAppStandInOptions.Section)
            .Validate(o => o.AccessToken.Length > 0 && o.AppSecret.Length > 0 && o.PhoneNumberId.Length > 0, "StandIn:WhatsApp needs AccessToken, AppSecret and PhoneNumberId.")
            .Validate(o => o.HubWebhookUrl.Length == 0 || Uri.TryCreate(o.HubWebhookUrl, UriKind.Absolute, out _), "StandIn:WhatsApp:HubWebhookUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CustomerWindows>();
        services.AddSingleton<PairRateLimiter>();
        services.AddSingleton<MediaVault>();
        services.AddSingleton<SentLedger>();
        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<WhatsAppCustomers>();
        services.AddHttpClient(WebhookPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<StatusStories>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusStories>());
        return services;
    }

    public static IEndpointRouteBuilder MapWhatsAppStandIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SendMessageEndpoint.Route, SendMessageEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(MediaEndpoints.UploadRoute, MediaEndpoints.UploadAsync).DisableAntiforgery();
        endpoints.MapGet(MediaEndpoints.InfoRoute, MediaEndpoints.Info);
        endpoints.MapGet(MediaEndpoints.DownloadRoute, MediaEndpoints.Download);
        endpoints.MapPost(CustomerEndpoint.Route, CustomerEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapGet("/_standin/whatsapp/messages", (SentLedger ledger) => TypedResults.Json(ledger.Snapshot()));
        return endpoints;
    }
}
