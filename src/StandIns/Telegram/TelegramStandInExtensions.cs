namespace ContactHub.StandIns.Telegram;

public static class TelegramStandInExtensions
{
    public static IServiceCollection AddTelegramStandIn(this IServiceCollection services)
    {
        services.AddOptions<TelegramStandInOptions>()
            .BindConfiguration(TelegramStandInOptions.Section)
            .Validate(o => o.MessagesPerSecondPerChat > 0, "StandIn:Telegram:MessagesPerSecondPerChat must be positive.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BotUpdates>();
        services.AddSingleton<BotChats>();
        services.AddSingleton<BotFiles>();
        services.AddSingleton<CustomerActions>();
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapTelegramStandIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(BotApiEndpoint.Route, ["GET", "POST"], BotApiEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapGet(BotApiEndpoint.DownloadRoute, BotApiEndpoint.Download);
        endpoints.MapTelegramStandInSurface();
        return endpoints;
    }
}
