namespace ContactHub.StandIns.Twilio;

public static class TwilioStandInExtensions
{
    public static IServiceCollection AddTwilioStandIn(this IServiceCollection services)
    {
        services.AddOptions<TwilioStandInOptions>()
            .BindConfiguration(TwilioStandInOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountSid) && !string.IsNullOrWhiteSpace(o.AuthToken), "StandIn:Twilio:AccountSid and StandIn:Twilio:AuthToken are required.")
            .Validate(o => o.PhoneNumbers.Count > 0, "StandIn:Twilio:PhoneNumbers needs at least one number.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MessageLedger>();
        services.AddSingleton<CarrierOptOuts>();
        services.AddSingleton<Calls.LiveCalls>();
        services.AddSingleton<Calls.CallNetwork>();
        services.AddSingleton<Calls.Recordings>();
        services.AddHttpClient(Calls.CallNetwork.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<StatusCallbackQueue>();
        services.AddSingleton<SendRateLimiter>();
        services.AddHttpClient(StatusCallbackWorker.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<StatusCallbackWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwilioStandIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CreateMessageEndpoint.Route, CreateMessageEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(Calls.CreateCallEndpoint.Route, Calls.CreateCallEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapPost(Calls.UpdateCallEndpoint.Route, Calls.UpdateCallEndpoint.HandleAsync).DisableAntiforgery();
        endpoints.MapGet("/_standin/messages", (MessageLedger ledger) =>
            TypedResults.Json(ledger.Snapshot(), StandInJsonContext.Wire.IReadOnlyListMessageResource));
        endpoints.MapGet(Calls.Recordings.Route, Calls.Recordings.Get);
        endpoints.MapGet("/_standin/calls", (Calls.LiveCalls calls) => TypedResults.Json(calls.Snapshot()));
        return endpoints;
    }
}
