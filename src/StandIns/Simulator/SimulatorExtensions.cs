using ContactHub.StandIns.Simulator.Calls;
using ContactHub.StandIns.Simulator.Email;
using ContactHub.StandIns.Simulator.WhatsApp;
using ContactHub.StandIns.Simulator.Telegram;
using ContactHub.StandIns.Simulator.WebChat;

namespace ContactHub.StandIns.Simulator;

public static class SimulatorExtensions
{
    public static IServiceCollection AddCustomerSimulator(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.Section)
            .Validate(o => !o.Enabled || Uri.TryCreate(o.HubBaseUrl, UriKind.Absolute, out _), "StandIn:Simulator:HubBaseUrl must be an absolute URL.")
            .Validate(o => o.IntervalSeconds > 0, "StandIn:Simulator:IntervalSeconds must be positive.")
            .ValidateOnStart();
        services.AddHttpClient(CustomerSimulator.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<CustomerSimulator>();
        services.AddOptions<EmailSimulatorOptions>()
            .BindConfiguration(EmailSimulatorOptions.Section)
            .Validate(o => !o.Enabled || (o.UserName.Length > 0 && o.Password.Length > 0 && o.ImapPort is > 0 and < 65536),
                "StandIn:Simulator:Email needs ImapPort, UserName and Password when enabled.")
            .Validate(o => !o.Enabled || ImapAppender.IsLocal(o.ImapHost),
                "StandIn:Simulator:Email:ImapHost must be this machine (127.0.0.1, ::1 or localhost): the simulator logs in without TLS.")
            .Validate(o => o.IntervalSeconds > 0, "StandIn:Simulator:Email:IntervalSeconds must be positive.")
            .ValidateOnStart();
        services.AddHostedService<EmailCustomerSimulator>();
        services.AddOptions<CallSimulatorOptions>()
            .BindConfiguration(CallSimulatorOptions.Section)
            .Validate(o => o.IntervalSeconds > 0 && o.MaxPatienceSeconds >= 20, "StandIn:Simulator:Calls needs a positive IntervalSeconds and MaxPatienceSeconds of at least 20.")
            .ValidateOnStart();
        services.AddHostedService<CallSimulator>();
        services.AddOptions<WhatsAppSimulatorOptions>()
            .BindConfiguration(WhatsAppSimulatorOptions.Section)
            .Validate(o => o.IntervalSeconds > 0, "StandIn:Simulator:WhatsApp:IntervalSeconds must be positive.")
            .ValidateOnStart();
        services.AddHostedService<WhatsAppCustomerSimulator>();
        services.AddOptions<TelegramSimulatorOptions>()
            .BindConfiguration(TelegramSimulatorOptions.Section)
            .Validate(o => o.IntervalSeconds > 0, "StandIn:Simulator:Telegram:IntervalSeconds must be positive.")
            .ValidateOnStart();
        services.AddHostedService<TelegramCustomerSimulator>();
        services.AddOptions<WebChatSimulatorOptions>()
            .BindConfiguration(WebChatSimulatorOptions.Section)
            .Validate(o => !o.Enabled || o.ChannelKey.Length > 0, "StandIn:Simulator:WebChat:ChannelKey is required when enabled (the hub's WebChat:ChannelKey).")
            .Validate(o => o.IntervalSeconds > 0 && o.VisitSeconds > 0 && o.MaxConcurrentVisitors > 0, "StandIn:Simulator:WebChat needs positive IntervalSeconds, VisitSeconds and MaxConcurrentVisitors.")
            .ValidateOnStart();
        services.AddHostedService<WebChatVisitorSimulator>();
        return services;
    }
}
