using System.Threading.Channels;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Store;

/// <summary>
/// Group commit: appends that arrive together share one transaction (one fsync), each inside its own
/// savepoint so one bad item cannot take the others down. Callers are answered only after the commit.
/// </summary>
public sealed partial class BatchingConversationStream(
    StoreConnections connections,
    IQueueSelector queueSelector,
    TimeProvider time,
    ILogger<BatchingConversationStream> logger,
    IOptions<FileLimits> fileLimits) : BackgroundService, IConversationStream
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingAppend> _pending = System.Threading.Channels.Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });

    public Task<AppendResult> AppendAsync(InboundInteraction interaction, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(interaction);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The conversation stream is shutting down.");
        }
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingAppend>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        // Anything still queued after the loop ended is refused, never silently dropped.
        while (_pending.Reader.TryRead(out var orphan))
        {
            orphan.Completion.TrySetException(new InvalidOperationException("The conversation stream stopped before this append."));
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        try
        {
            var results = await CommitAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception error) when (batch.Count > 1)
        {
            LogBatchFailed(error, batch.Count);
            foreach (var single in batch)
            {
                await WriteBatchAsync([single]);
            }
        }
        catch (Exception error)
        {
            batch[0].Completion.TrySetException(error);
        }
    }

    private async Task<AppendResult[]> CommitAsync(List<PendingAppend> batch)
    {
        await using var connection = await connections.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var results = new AppendResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            await transaction.SaveAsync("item");
            try
            {
                results[i] = await AppendStatements.AppendAsync(connection, transaction, batch[i].Interaction, queueSelector, time, fileLimits.Value);
            }
            catch (DuplicateAppendException)
            {
                await transaction.RollbackAsync("item");
                results[i] = await AppendStatements.FindExistingAsync(connection, transaction, batch[i].Interaction.Channel.ToWire(), batch[i].Interaction.ExternalId)
                    ?? throw new InvalidOperationException("A conflicting interaction vanished.");
            }
            await transaction.ReleaseAsync("item");
        }
        await transaction.CommitAsync();
        return results;
    }

    private sealed record PendingAppend(InboundInteraction Interaction)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "A batch of {Count} appends failed; retrying them one by one")]
    private partial void LogBatchFailed(Exception error, int count);
}
