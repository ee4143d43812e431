using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactHub.Channels.Email.Imap;

/// <summary>
/// Hands every message of one IMAP folder to a consumer, at least once and in UID order:
/// connect, SELECT, fetch each UID above the checkpoint, call the consumer, save the checkpoint, add the processed
/// keyword; then IDLE (or poll) and repeat. A dropped connection reconnects with exponential backoff and resumes
/// from the checkpoint. Because the checkpoint is saved after the consumer returns, a crash in between re-delivers
/// one message: the consumer must be idempotent (the hub dedupes on Message-ID and on UIDVALIDITY+UID).
/// When UIDVALIDITY changes the old UIDs mean nothing, so the folder is read again from UID 1 and the same
/// idempotency absorbs the repeats.
/// </summary>
public sealed class MailboxWatcher(
    MailboxWatcherOptions options,
    IImapCheckpointStore checkpoints,
    Func<ImapFetchedMessage, CancellationToken, Task> consumer,
    ILogger<MailboxWatcher>? logger = null,
    TimeProvider? timeProvider = null)
{
    private readonly ILogger logger = logger ?? NullLogger<MailboxWatcher>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Sessions opened so far (a reconnect opens a new one).</summary>
    public int SessionCount { get; private set; }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; failures are logged and retried, never thrown.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var delay = options.ReconnectDelayMin;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(() => delay = options.ReconnectDelayMin, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // IOException (drop, timeout, garbage), NO/BAD, or a consumer failure: nothing was checkpointed past the failing message.
                ImapLog.SessionFailed(logger, e, options.MailboxKey, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectDelayMax.Ticks));
            }
        }
    }

    private async Task RunSessionAsync(Action onHealthy, CancellationToken cancellationToken)
    {
        SessionCount++;
        var client = await ImapClient.ConnectAsync(new ImapClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            Security = options.Security,
            CertificateValidation = options.CertificateValidation,
            CommandTimeout = options.CommandTimeout,
            ConnectTimeout = options.CommandTimeout,
        }, cancellationToken);
        await using var _ = client;
        var usePlain = options.Authentication == ImapAuthentication.Plain
            || (options.Authentication == ImapAuthentication.Auto && client.HasCapability("AUTH=PLAIN"));
        if (usePlain)
        {
            await client.AuthenticatePlainAsync(options.UserName, options.Password, cancellationToken);
        }
        else
        {
            await client.LoginAsync(options.UserName, options.Password, cancellationToken);
        }

        var mailbox = await client.SelectAsync(options.Folder, cancellationToken);
        var checkpoint = await checkpoints.LoadAsync(options.MailboxKey, cancellationToken);
        if (checkpoint is null || checkpoint.UidValidity != mailbox.UidValidity)
        {
            if (checkpoint is not null)
            {
                ImapLog.UidValidityChanged(logger, options.MailboxKey, checkpoint.UidValidity, mailbox.UidValidity);
            }

            checkpoint = new ImapCheckpoint(mailbox.UidValidity, 0);
            await checkpoints.SaveAsync(options.MailboxKey, checkpoint, cancellationToken);
        }

        ImapLog.Selected(logger, options.MailboxKey, mailbox.UidValidity, checkpoint.LastProcessedUid);
        onHealthy();
        var idle = options.UseIdle && client.HasCapability("IDLE");
        while (true)
        {
            var existsBefore = client.Selected?.Exists;
            checkpoint = await DeliverNewAsync(client, checkpoint, cancellationToken);
            if (client.Selected?.Exists != existsBefore)
            {
                // The server announced new mail in the answer to one of our own commands; IDLE would not announce
                // it again, so look before idling or the message waits for the next IDLE restart.
                continue;
            }
            if (idle)
            {
                await client.IdleAsync(options.IdleRestartInterval, cancellationToken);
            }
            else
            {
                await Task.Delay(options.PollInterval, time, cancellationToken);
                await client.NoopAsync(cancellationToken);
            }
        }
    }

    private async Task<ImapCheckpoint> DeliverNewAsync(ImapClient client, ImapCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var uids = await client.UidSearchFromAsync(checkpoint.LastProcessedUid + 1, cancellationToken);
        foreach (var uid in uids)
        {
            var message = await client.UidFetchAsync(uid, cancellationToken);
            if (message is not null)
            {
                await consumer(message, cancellationToken);
                ImapLog.Delivered(logger, uid, options.MailboxKey);
            }

            // Saved after the consumer returned: a crash before this line re-delivers, it never loses.
            checkpoint = checkpoint with { LastProcessedUid = uid };
            await checkpoints.SaveAsync(options.MailboxKey, checkpoint, cancellationToken);
            if (message is not null && !string.IsNullOrEmpty(options.ProcessedKeyword))
            {
                try
                {
                    await client.UidAddFlagsAsync(uid, [options.ProcessedKeyword], cancellationToken);
                }
                catch (ImapCommandException e)
                {
                    // The keyword is a courtesy for people reading the folder; the checkpoint is what counts.
                    ImapLog.MarkFailed(logger, e, uid, options.MailboxKey);
                }
            }
        }

        return checkpoint;
    }
}
