using ContactHub.Core.Config;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Support;

/// <summary>
/// What a channel's webhooks need behind them in the minimal test hosts: the real <see cref="InboundPipeline"/> with its
/// store-backed collaborators and the outbox, and a router that never offers. The host adds its stream, bus and store.
/// </summary>
internal static class PipelineServices
{
    public static IServiceCollection AddInboundPipelineWithIdleRouter(this IServiceCollection services)
    {
        services.AddSingleton<IRouter, IdleRouter>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<Outbox>();
        // The pipeline's out-of-hours reply: with no queues loaded nothing is ever closed, so it stays silent here.
        services.AddSingleton<QueueStore>();
        services.AddSingleton<RoutingRuleStore>();
        services.AddSingleton<AgentProfileStore>();
        services.AddSingleton<RoutingConfigState>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ConversationEventLog>();
        services.AddSingleton<OptOuts>();
        services.AddSingleton<AutomaticReplyLimits>();
        services.AddSingleton<OutOfHoursReplier>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<StickyAgents>();
        return services;
    }
}
