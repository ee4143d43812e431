using ContactHub.Core.Config;
using ContactHub.Core.Files;
using ContactHub.Core.Outbound;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using ContactHub.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ContactHub.Core;

public static class HubCoreExtensions
{
    /// <summary>The conversation stream, the store and the services on top of it. The router and event bus come from elsewhere.</summary>
    public static IServiceCollection AddHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Configure(options =>
            {
                options.Provider = configuration.GetValue("Store:Provider", StoreProvider.Sqlite);
                options.ConnectionString = configuration.GetConnectionString("Store") ?? options.ConnectionString;
            })
            .ValidateOnStart();
        services.AddOptions<HubOptions>().BindConfiguration("Hub")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Hub:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<FileLimits>().BindConfiguration(FileLimits.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxMessageBytes >= o.MaxFileBytes, "Files:MaxFileBytes must be positive and at most Files:MaxMessageBytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreConnections>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<QueueStore>();
        services.AddSingleton<RoutingRuleStore>();
        services.AddSingleton<AgentProfileStore>();
        services.AddSingleton<ContactAttributes>();
        services.AddSingleton<RoutingConfigState>();
        services.AddSingleton<IRoutingSnapshotSource>(sp => sp.GetRequiredService<RoutingConfigState>());
        services.TryAddSingleton<IQueueSelector, RuleEngine>();
        // Registered before the stream so the rules are loaded before the first append.
        services.AddSingleton<RoutingConfigSync>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingConfigSync>());
        services.AddSingleton<RoutingAdministration>();
        services.AddOptions<AutomaticReplyOptions>().BindConfiguration("Hub:AutomaticReplies")
            .Validate(o => o.PerAddressWindow >= TimeSpan.Zero, "Hub:AutomaticReplies:PerAddressWindow must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<AutomaticReplyLimits>();
        services.AddOptions<WrapUpOptions>().BindConfiguration("Hub")
            .Validate(o => o.Dispositions is null || o.Dispositions.Any(d => !string.IsNullOrWhiteSpace(d)), "Hub:Dispositions must name at least one disposition code.")
            .ValidateOnStart();
        services.AddSingleton<WrapUpRules>();
        services.AddSingleton<OutOfHoursReplier>();
        services.AddSingleton<StickyAgents>();
        services.AddSingleton<BatchingConversationStream>();
        services.AddSingleton<IConversationStream>(sp => sp.GetRequiredService<BatchingConversationStream>());
        services.AddHostedService(sp => sp.GetRequiredService<BatchingConversationStream>());
        services.AddSingleton<ContactDirectory>();
        services.AddSingleton<ContactMerges>();
        services.AddSingleton<ConversationRepository>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ChannelCursors>();
        services.AddSingleton<OptOuts>();
        services.AddSingleton<CallLog>();
        services.AddSingleton<CallRecordings>();
        services.AddSingleton<InteractionSources>();
        services.AddSingleton<InteractionEdits>();
        services.AddSingleton<HubSecrets>();
        services.AddSingleton<InteractionFiles>();
        services.TryAddSingleton<IMessageTemplates, NoMessageTemplates>();
        services.AddSingleton<TypedAddresses>();
        services.AddSingleton<ChatTranscripts>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<DeliveryReportIntake>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<CallAbandonment>();
        services.AddSingleton<QueueStaffing>();
        services.AddSingleton<CustomerServiceWindows>();
        services.AddSingleton<ReplyService>();
        services.AddSingleton<ConversationEventLog>();
        services.AddSingleton<TransferService>();
        services.AddHostedService<OutboxWorker>();
        services.AddOptions<ReclaimOptions>().BindConfiguration("Routing:Reclaim");
        services.AddSingleton<IReplyTimers, QueueReplyTimers>();
        services.AddSingleton<QueueReturn>();
        services.AddSingleton<WorkReclaimer>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkReclaimer>());
        services.AddSingleton<RoutingSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<RoutingSupervisor>());
        return services;
    }
}
