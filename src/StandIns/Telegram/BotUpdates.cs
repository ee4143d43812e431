using System.Text.Json.Nodes;

namespace ContactHub.StandIns.Telegram;

/// <summary>Where the bot's updates go: to a webhook (<see cref="Url"/>), or held for getUpdates when none is set.</summary>
public sealed record BotWebhook(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates);

/// <summary>One update waiting to be confirmed; <see cref="Kind"/> is its one optional field ("message", "edited_message"...).</summary>
public sealed record PendingUpdate(long UpdateId, string Kind, JsonObject Update);

/// <summary>
/// The bot's update queue as Telegram keeps it: updates wait until confirmed (getUpdates with a greater offset, or a 2xx
/// from the webhook); getUpdates refuses with 409 while a webhook is set; a long poll waits for the next update.
/// </summary>
public sealed class BotUpdates
{
    private readonly Lock gate = new();
    private readonly List<PendingUpdate> pending = [];
    private long nextUpdateId = 804_512_700;
    private TaskCompletionSource arrived = NewSignal();
    private IReadOnlyList<string>? pollAllowedUpdates;

    public BotWebhook? Webhook { get; private set; }

    /// <summary>Telegram's own wording for the conflict.</summary>
    public const string WebhookConflict = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

    /// <summary>Adds an update (the "update_id" is assigned here, in order) and wakes long polls and the webhook sender.</summary>
    public long Add(string kind, JsonNode payload)
    {
        TaskCompletionSource wake;
        long id;
        lock (gate)
        {
            id = nextUpdateId++;
            pending.Add(new PendingUpdate(id, kind, new JsonObject { ["update_id"] = id, [kind] = payload }));
            wake = arrived;
            arrived = NewSignal();
        }
        wake.TrySetResult();
        return id;
    }

    /// <summary>getUpdates: confirms everything below <paramref name="offset"/>, then returns up to <paramref name="limit"/> updates, waiting up to <paramref name="timeout"/> for one.</summary>
    public async Task<IReadOnlyList<JsonObject>> PollAsync(long? offset, int limit, TimeSpan timeout, IReadOnlyList<string>? allowedUpdates, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (offset is { } confirmed)
                {
                    // A negative offset asks for the last |offset| updates and forgets the ones before them, as Telegram does.
                    var below = confirmed >= 0 ? confirmed : (pending.Count + confirmed >= 0 ? pending[(int)(pending.Count + confirmed)].UpdateId : long.MinValue);
                    pending.RemoveAll(u => u.UpdateId < below);
                }
                // Telegram remembers allowed_updates from the last call that named them.
                pollAllowedUpdates = allowedUpdates ?? pollAllowedUpdates;
                var ready = pending.Where(u => Allowed(u, pollAllowedUpdates)).Take(limit).Select(u => (JsonObject)u.Update.DeepClone()).ToList();
                if (ready.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                {
                    return ready;
                }
                next = arrived.Task;
            }
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining > TimeSpan.Zero)
            {
                await Task.WhenAny(next, Task.Delay(remaining, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public void SetWebhook(BotWebhook webhook)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            Webhook = webhook;
            wake = arrived;
            arrived = NewSignal();
        }
        wake.TrySetResult();
    }

    /// <param name="dropPending">deleteWebhook's drop_pending_updates: forget every unconfirmed update.</param>
    public void DeleteWebhook(bool dropPending)
    {
        lock (gate)
        {
            Webhook = null;
            if (dropPending)
            {
                pending.Clear();
            }
        }
    }

    /// <summary>The oldest update the webhook should receive next, or null (and a task that completes when that may change).</summary>
    public (PendingUpdate? Next, BotWebhook? Webhook, Task Changed) NextForWebhook()
    {
        lock (gate)
        {
            var webhook = Webhook;
            var next = webhook is null ? null : pending.FirstOrDefault(u => Allowed(u, webhook.AllowedUpdates));
            return (next, webhook, arrived.Task);
        }
    }

    /// <summary>The webhook answered 2xx: the update is delivered and leaves the queue.</summary>
    public void Delivered(long updateId)
    {
        lock (gate)
        {
            pending.RemoveAll(u => u.UpdateId == updateId);
        }
    }

    public IReadOnlyList<long> PendingIds()
    {
        lock (gate)
        {
            return pending.Select(u => u.UpdateId).ToList();
        }
    }

    private static bool Allowed(PendingUpdate update, IReadOnlyList<string>? allowed) =>
        allowed is null || allowed.Count == 0 || allowed.Contains(update.Kind);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
