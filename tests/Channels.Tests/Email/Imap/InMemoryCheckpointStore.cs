using System.Collections.Concurrent;
using ContactHub.Channels.Email.Imap;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>Checkpoints in memory, for tests only: production keeps them in the hub's store.</summary>
public sealed class InMemoryCheckpointStore : IImapCheckpointStore
{
    public ConcurrentDictionary<string, ImapCheckpoint> Saved { get; } = new();

    public Task<ImapCheckpoint?> LoadAsync(string mailboxKey, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.TryGetValue(mailboxKey, out var checkpoint) ? checkpoint : null);

    public Task SaveAsync(string mailboxKey, ImapCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Saved[mailboxKey] = checkpoint;
        return Task.CompletedTask;
    }
}

/// <summary>A consumer idempotent by UIDVALIDITY+UID, as the hub is; it also counts raw hand-overs.</summary>
public sealed class IdempotentConsumer
{
    private int handOvers;

    public ConcurrentDictionary<(uint UidValidity, uint Uid), byte[]> Accepted { get; } = new();

    public int HandOvers => Volatile.Read(ref handOvers);

    public ConcurrentQueue<(uint Uid, DateTime At)> Log { get; } = new();

    public Task ConsumeAsync(ImapFetchedMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref handOvers);
        Log.Enqueue((message.Uid, DateTime.UtcNow));
        Accepted.TryAdd((message.UidValidity, message.Uid), message.RawMessage);
        return Task.CompletedTask;
    }
}
