using ContactHub.StandIns.Simulator;
using ContactHub.StandIns.Telegram;
using ContactHub.StandIns.Twilio;
using ContactHub.StandIns.WhatsApp;

namespace ContactHub.StandIns;

/// <summary>Every provider stand-in in one place, shared by Program.cs and <see cref="StandInHost"/>.</summary>
public static class StandInsExtensions
{
    public static IServiceCollection AddStandIns(this IServiceCollection services)
    {
        services.AddTwilioStandIn();
        services.AddWhatsAppStandIn();
        services.AddTelegramStandIn();
        services.AddCustomerSimulator();
        return services;
    }

    public static IEndpointRouteBuilder MapStandIns(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTwilioStandIn();
        endpoints.MapWhatsAppStandIn();
        endpoints.MapTelegramStandIn();
        return endpoints;
    }
}
