using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

public sealed class ReclaimOptions
{
    /// <summary>An assignee offline this long loses their conversations back to the queue.</summary>
    public int OfflineGraceSeconds { get; set; } = 120;

    /// <summary>Priority added to a reclaimed conversation so it is answered before new work.</summary>
    public int PriorityBoost { get; set; } = 10;
}

/// <summary>Per-queue reply timer: how long a customer's message may wait on its assignee before the work is taken back.</summary>
public interface IReplyTimers
{
    TimeSpan? ReplyTimer(string queue);
}

/// <summary>
/// Takes work back from agents who cannot do it: an assignee offline past the grace period, or a customer's
/// message unanswered past the queue's reply timer. The conversation returns to its queue with raised
/// priority, and the log says why.
/// </summary>
public sealed partial class WorkReclaimer(
    IRouter router,
    ConversationRepository conversations,
    QueueReturn queueReturn,
    IReplyTimers replyTimers,
    IOptions<ReclaimOptions> options,
    TimeProvider time,
    ILogger<WorkReclaimer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReclaimAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(error);
            }
        }
    }

    public async Task<int> ReclaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reclaimed = 0;
        var grace = TimeSpan.FromSeconds(options.Value.OfflineGraceSeconds);
        foreach (var byAgent in (await conversations.AssignedOpenAsync(cancellationToken)).GroupBy(c => c.AssigneeId!.Value))
        {
            var state = await router.GetAgentStateAsync(byAgent.Key);
            if (state.Activity == AgentActivity.Offline && now - state.StateSince >= grace)
            {
                foreach (var conversation in byAgent)
                {
                    reclaimed += await ReturnToQueueAsync(conversation, "assignee offline", cancellationToken);
                }
            }
        }
        foreach (var (conversation, waitingSince) in await conversations.AwaitingAgentReplyAsync(cancellationToken))
        {
            if (replyTimers.ReplyTimer(conversation.Queue) is { } limit && now - waitingSince >= limit)
            {
                reclaimed += await ReturnToQueueAsync(conversation, "reply timer", cancellationToken);
            }
        }
        return reclaimed;
    }

    private async Task<int> ReturnToQueueAsync(Conversation conversation, string why, CancellationToken cancellationToken) =>
        await queueReturn.ReturnAsync(conversation, conversation.AssigneeId!.Value, why, cancellationToken) ? 1 : 0;

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Taking work back failed")]
    private partial void LogFailed(Exception error);
}
