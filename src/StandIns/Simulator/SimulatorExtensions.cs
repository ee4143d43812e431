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
        return services;
    }
}
