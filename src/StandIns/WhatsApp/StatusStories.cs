using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>One accepted message whose delivery story the stand-in still has to tell the hub.</summary>
public sealed record StatusStory(string MessageId, string Recipient, bool Undeliverable);

/// <summary>
/// Tells the hub what happens to each accepted message, as Meta does: "sent", "delivered", then "read" (the customer
/// opened it), or "failed" with 131026 for numbers configured undeliverable. Each webhook is signed.
/// </summary>
public sealed class StatusStories(
    SentLedger ledger,
    WebhookPoster poster,
    IOptions<WhatsAppStandInOptions> options,
    TimeProvider time) : BackgroundService
{
    private readonly Channel<StatusStory> stories = Channel.CreateUnbounded<StatusStory>();

    /// <summary>Several stories run side by side, as Meta's do; one slow hub answer does not hold up the rest.</summary>
    private const int Concurrency = 4;

    public void Tell(StatusStory story) => stories.Writer.TryWrite(story);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var story in stories.Reader.ReadAllAsync(stoppingToken))
            {
                if (story.Undeliverable)
                {
                    await TellAsync(story, "failed", 131026, stoppingToken);
                    continue;
                }
                await TellAsync(story, "sent", null, stoppingToken);
                await TellAsync(story, "delivered", null, stoppingToken);
                await TellAsync(story, "read", null, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: stories still queued are dropped, as a stopped fake network would.
        }
    }

    private async Task TellAsync(StatusStory story, string status, int? errorCode, CancellationToken cancellationToken)
    {
        await Task.Delay(options.Value.StatusDelay, time, cancellationToken);
        ledger.SetStatus(story.MessageId, status);
        await poster.PostAsync(Notifications.Status(options.Value, story.MessageId, status, story.Recipient, time.GetUtcNow(), errorCode), cancellationToken);
    }
}
