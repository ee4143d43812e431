using System.Text.Json;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Config;

/// <summary>
/// Keeps the router's copy of the routing configuration equal to the store's: every queue (with its open state)
/// and every agent profile at start, what changed after an admin edit, and the open/closed flips of business
/// hours exactly when they happen (re-checked at least every 15 s, which is also how other nodes' edits arrive).
/// </summary>
public sealed partial class RoutingConfigSync(
    RoutingConfigState state,
    IRouterControl router,
    IHubEventBus events,
    TimeProvider time,
    ILogger<RoutingConfigSync> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    /// <summary>Every so often everything is pushed again, so a router that lost its state (Redis restart) gets it back.</summary>
    private const int FullPushEveryTicks = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string> _pushedQueues = [];
    private readonly Dictionary<string, bool> _pushedOpen = [];
    private readonly Dictionary<long, string> _pushedAgents = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // UTC ticks: written under the gate, read by the timer loop without it, so it must not tear.
    private long _nextWakeTicks;

    /// <summary>Loads the configuration and pushes all of it before the host takes traffic.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SyncAsync(full: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Called after an admin change: reloads, pushes the difference, and re-plans the next open/close flip.</summary>
    public async Task NotifyChangedAsync(CancellationToken cancellationToken)
    {
        await SyncAsync(full: false, cancellationToken);
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            var delay = NextWakeAt - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.WhenAny(Task.Delay(delay, time, stoppingToken), wake);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                if (wake.IsCompleted && time.GetUtcNow() < NextWakeAt)
                {
                    // An admin change already synced; only the plan for the next flip may have moved.
                    continue;
                }
            }
            try
            {
                await SyncAsync(full: ++ticks % FullPushEveryTicks == 0, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(error);
                NextWakeAt = time.GetUtcNow() + Tick;
            }
        }
    }

    private DateTimeOffset NextWakeAt
    {
        get => new(Volatile.Read(ref _nextWakeTicks), TimeSpan.Zero);
        set => Volatile.Write(ref _nextWakeTicks, value.UtcTicks);
    }

    private async Task SyncAsync(bool full, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var snapshot = await state.ReloadAsync(cancellationToken);
            var now = time.GetUtcNow();
            NextWakeAt = NextWake(snapshot, now);
            await PushQueuesAsync(router, snapshot, now, full);
            await PushAgentsAsync(router, snapshot, full);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PushQueuesAsync(IRouterControl router, RoutingSnapshot snapshot, DateTimeOffset now, bool full)
    {
        foreach (var (name, queue) in snapshot.Queues)
        {
            var open = queue.Hours.IsOpen(now);
            var config = queue.Definition.ToRoutingConfig(open);
            // Compared as JSON because the config's dictionaries and lists compare by reference.
            var signature = JsonSerializer.Serialize(config with { IsOpen = true }, StoreJson.Options);
            try
            {
                if (full || !_pushedQueues.TryGetValue(name, out var pushed) || pushed != signature)
                {
                    await PublishAsync(await router.ApplyQueueAsync(config));
                    LogQueuePushed(name, open);
                }
                else if (_pushedOpen[name] != open)
                {
                    await PublishAsync(await router.SetQueueOpenAsync(name, open));
                    LogQueueOpenChanged(name, open);
                }
                _pushedQueues[name] = signature;
                _pushedOpen[name] = open;
            }
            catch (Exception error)
            {
                // Forget what was pushed so the next tick tries this queue again.
                _pushedQueues.Remove(name);
                LogPushFailed(error, name);
            }
        }
        foreach (var removed in _pushedQueues.Keys.Except(snapshot.Queues.Keys).ToList())
        {
            _pushedQueues.Remove(removed);
            _pushedOpen.Remove(removed);
        }
    }

    private async Task PushAgentsAsync(IRouterControl router, RoutingSnapshot snapshot, bool full)
    {
        foreach (var profile in snapshot.Agents)
        {
            var signature = JsonSerializer.Serialize(profile, StoreJson.Options);
            if (!full && _pushedAgents.TryGetValue(profile.AgentId, out var pushed) && pushed == signature)
            {
                continue;
            }
            try
            {
                await PublishAsync(await router.ApplyAgentAsync(profile));
                _pushedAgents[profile.AgentId] = signature;
            }
            catch (Exception error)
            {
                _pushedAgents.Remove(profile.AgentId);
                LogPushFailed(error, $"agent {profile.AgentId}");
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<Offer> offers)
    {
        foreach (var offer in offers)
        {
            await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
        }
    }

    private DateTimeOffset NextWake(RoutingSnapshot snapshot, DateTimeOffset now)
    {
        var next = now + Tick;
        foreach (var queue in snapshot.Queues.Values)
        {
            if (queue.Hours.NextChange(now) is { } change && change < next)
            {
                next = change;
            }
        }
        return next;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Pushed queue {Queue} to the router (open: {Open})")]
    private partial void LogQueuePushed(string queue, bool open);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Queue {Queue} is now {Open}")]
    private partial void LogQueueOpenChanged(string queue, bool open);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not push {Target} to the router; retrying on the next tick")]
    private partial void LogPushFailed(Exception error, string target);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Routing configuration sync failed; retrying on the next tick")]
    private partial void LogSyncFailed(Exception error);

}
