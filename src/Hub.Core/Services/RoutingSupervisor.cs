using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Services;

/// <summary>
/// Keeps the router honest: expires offers whose time ran out, and (at start and then periodically)
/// queues every open unassigned conversation the router does not know, since the store is the source of truth.
/// </summary>
public sealed partial class RoutingSupervisor(
    IRouter router,
    IRouterControl control,
    ConversationRepository conversations,
    IHubEventBus events,
    TimeProvider time,
    ILogger<RoutingSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextReconcile = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TickInterval, time);
        do
        {
            try
            {
                if (time.GetUtcNow() >= nextReconcile)
                {
                    await ReconcileAsync(stoppingToken);
                    nextReconcile = time.GetUtcNow() + ReconcileInterval;
                }
                await ExpireOffersAsync();
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (await control.ClaimRebuildAsync())
        {
            var restored = 0;
            foreach (var conversation in await conversations.AssignedOpenAsync(cancellationToken))
            {
                await control.RestoreAssignmentAsync(conversation.AssigneeId!.Value, conversation.Id, conversation.Queue, conversation.Channel);
                restored++;
            }
            LogRebuilt(restored);
        }
        var queued = 0;
        foreach (var conversation in await conversations.UnassignedOpenAsync(cancellationToken))
        {
            if (await router.IsKnownAsync(conversation.Id))
            {
                continue;
            }
            var offer = await router.EnqueueAsync(new RoutingTask(conversation.Id, conversation.Queue, conversation.Channel, conversation.CreatedAt)
            {
                Priority = conversation.Priority,
                RequiredSkills = conversation.RequiredSkills,
                Rule = conversation.Rule,
            });
            queued++;
            if (offer is not null)
            {
                await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
            }
        }
        if (queued > 0)
        {
            LogReconciled(queued);
        }
        return queued;
    }

    private async Task ExpireOffersAsync()
    {
        foreach (var expired in await router.ExpireOffersAsync())
        {
            await events.PublishAsync(new OfferWithdrawn(expired.Expired.AgentId, expired.Expired.ConversationId));
            if (expired.Next is { } next)
            {
                await events.PublishAsync(new OfferMade(next.AgentId, next.ConversationId, next.ExpiresAt));
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Queued {Count} conversations the router did not know")]
    private partial void LogReconciled(int count);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Routing state rebuilt from the store: {Count} assignments restored")]
    private partial void LogRebuilt(int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Routing supervision tick failed")]
    private partial void LogTickFailed(Exception error);
}
